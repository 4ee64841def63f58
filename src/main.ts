import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { prepareDatabase, startDatabase } from './app.boot';
import { createApp } from './app.factory';
import type { RuntimeConfig } from './app.module';
import { ConfigError, loadConfig, resolveSessionSecret } from './config/env';
import { DataDirLockedError } from './database/embedded-postgres';
import { NotificationsWorker } from './notifications/notifications.worker';

async function bootstrap(): Promise<void> {
  const started = Date.now();
  const base = loadConfig();
  const config: RuntimeConfig = Object.freeze({ ...base, sessionSecret: resolveSessionSecret(base) });
  const log = new Logger('Boot');
  const db = await startDatabase(config);
  const { embedded } = db;
  if (embedded) log.log(`embedded PostgreSQL (PGlite) on 127.0.0.1:${embedded.port}, data in ${config.dataDir}`);
  const { app, sessionPool } = await createApp(config, db.url);
  const applied = await prepareDatabase(app, config, db);
  if (applied.length) log.log(`applied migrations: ${applied.join(', ')}`);
  app.get(NotificationsWorker).start();

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
  log.log(`Doorbraakbudget is ready on http://localhost:${config.port} (${Date.now() - started} ms)`);
}

bootstrap().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(`configuration error: ${e.message}`);
  else if (e instanceof DataDirLockedError) console.error(`cannot start: ${e.message}`);
  else console.error(e);
  process.exit(1);
});
