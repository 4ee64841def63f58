import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { prepareDatabase, startDatabase } from './app.boot';
import { createApp } from './app.factory';
import type { RuntimeConfig } from './app.module';
import { ConfigError, loadConfig, resolveSessionSecret } from './config/env';
import { DataDirLockedError } from './database/embedded-postgres';
import { NotificationsWorker } from './notifications/notifications.worker';
import { DEMO_USERS } from './seed/demo-data';
import type { DemoBoot } from './seed/demo-seeder';
import { createRootLogger, PinoNestLogger } from './common/app-logger';

async function bootstrap(): Promise<void> {
  const started = Date.now();
  const base = loadConfig();
  const config: RuntimeConfig = Object.freeze({ ...base, sessionSecret: resolveSessionSecret(base) });
  // everything, also what is logged before Nest is up, in the one pino format
  Logger.overrideLogger(new PinoNestLogger(createRootLogger(config.logLevel)));
  const log = new Logger('Boot');
  const db = await startDatabase(config);
  const { embedded } = db;
  if (embedded) log.log(`embedded PostgreSQL (PGlite) on 127.0.0.1:${embedded.port}, data in ${config.dataDir}`);
  const { app, sessionPool } = await createApp(config, db.url);
  const { applied, demo } = await prepareDatabase(app, config, db);
  if (applied.length) log.log(`applied migrations: ${applied.join(', ')}`);
  const worker = app.get(NotificationsWorker);
  // the freshly seeded demo's notifications are delivered now, so the ready lines stay the last ones
  if (demo?.created && config.notifyPollMs > 0) {
    await worker.runOnce({ schedule: true }); // the demo's overdue request escalates at once …
    await worker.runOnce({ schedule: false }); // … and those messages are delivered too
  }
  worker.start();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.log(`${signal}: finishing in-flight requests and shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await app.close(); // stops accepting, waits for in-flight requests, closes the TypeORM pool
      await sessionPool.end();
      await embedded?.stop();
      clearTimeout(force);
      process.exit(0);
    } catch (e) {
      log.error(e);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen(config.port, config.nodeEnv === 'production' ? '0.0.0.0' : '127.0.0.1');
  const server = app.getHttpServer() as import('node:http').Server;
  server.keepAliveTimeout = 5_000;
  for (const line of readyBlock(config, Date.now() - started, demo, embedded !== null)) log.log(line);
}

/** The last lines of the boot: where to go, how to log in, how to start over. */
function readyBlock(config: RuntimeConfig, ms: number, demo: DemoBoot | null, embedded: boolean): string[] {
  const lines = [`Doorbraakbudget is ready on http://localhost:${config.port} (${ms} ms)`];
  if (!demo) return lines;
  lines.push('Log in with one of the demo accounts:');
  for (const u of DEMO_USERS) lines.push(`  ${u.email.padEnd(26)} ${u.roles.join(', ')}`);
  if (demo.password) {
    const where = demo.fromEnv ? 'from DEMO_PASSWORD' : `random, kept in ${config.dataDir}/demo-password; set DEMO_PASSWORD to choose one`;
    lines.push(`  password: ${demo.password} (${where})`);
  } else {
    lines.push('  password: the one printed at the first start (set DEMO_PASSWORD, or start over as below)');
  }
  if (!demo.created && embedded) {
    lines.push(
      `The demo data is from an earlier start and kept in DATA_DIR (${config.dataDir}). To start over with fresh demo data, ` +
        `stop the service, remove that folder (rm -rf ${config.dataDir}) and run npm start again.`,
    );
  }
  return lines;
}

bootstrap().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(`configuration error: ${e.message}`);
  else if (e instanceof DataDirLockedError) console.error(`cannot start: ${e.message}`);
  else console.error(e);
  process.exit(1);
});
