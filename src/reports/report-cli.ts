/**
 * The steering-group report from the command line:
 *
 *   npm run report -- --operator <e-mail> --fund <id|name> --from 2026-01-01 --to 2026-12-31 [--out reports/x.pdf] [--lang en]
 *
 * --operator names the account of the person running it (an active steering_group, budget_holder or
 * admin user, as for the API): the report is recorded in the access log under that account with
 * channel `cli`, the OS account and the host (see access-log/cli-operator.ts).
 * Against DATABASE_URL or, when that is absent, the embedded database in DATA_DIR (like
 * `npm start`: pending migrations are applied and an empty embedded database gets the demo data).
 * Without --fund the report covers all funds; without --from/--to the funds' own period. The PDF
 * goes to --out, by default into reports/, and its path is printed.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { prepareDatabase, startDatabase } from '../app.boot';
import { AppModule, RuntimeConfig } from '../app.module';
import { DomainError } from '../common/domain-error';
import { ConfigError, loadConfig } from '../config/env';
import { DataDirLockedError } from '../database/embedded-postgres';
import { AccessLogService } from '../access-log/access-log.service';
import { OperatorError } from '../access-log/cli-operator';
import { parseArgs, REPORT_OPERATOR_ROLES, USAGE, UsageError } from './report-cli-args';
import { ReportsService } from './reports.service';

async function main(): Promise<string> {
  const options = parseArgs(process.argv.slice(2));
  const base = loadConfig();
  // The CLI signs no tokens and keeps no sessions; a throw-away secret avoids writing one to DATA_DIR.
  const config: RuntimeConfig = Object.freeze({ ...base, sessionSecret: base.sessionSecret ?? randomBytes(32).toString('hex') });
  const db = await startDatabase(config);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, db.url), { logger: ['fatal', 'error', 'warn'] });
  try {
    await prepareDatabase(app, config, db);
    const accessLog = app.get(AccessLogService);
    const operator = await accessLog.cliOperator(options.operator, REPORT_OPERATOR_ROLES, 'the steering-group report');
    const reports = app.get(ReportsService);
    const fund = options.fund === undefined ? undefined : await reports.fundByRef(options.fund);
    const file = await reports.steeringReport({ fundId: fund?.id, from: options.from, to: options.to, lang: options.lang }, 'option');
    // recorded before the file is written, like the API records before it answers: a report that exists has its row
    await accessLog.recordCli(operator, 'export.steering_pdf', { fundId: fund?.id, from: options.from, to: options.to, lang: options.lang });
    const out = resolve(options.out ?? join('reports', file.filename));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, file.pdf);
    return out;
  } finally {
    await app.close();
    await db.embedded?.stop();
  }
}

if (require.main === module) {
  main().then(
    (out) => {
      process.stdout.write(`${out}\n`);
      process.exit(0);
    },
    (e: unknown) => {
      if (e instanceof UsageError) console.error(e.message ? `report: ${e.message}\n${USAGE}` : USAGE);
      else if (e instanceof DomainError) {
        const problem = e.errors[0];
        console.error(problem?.in === 'option' ? `report: --${problem.location.slice(2)}: ${problem.detail}` : `report: ${e.message}`);
      }
      else if (e instanceof OperatorError) console.error(`report: ${e.message}`);
      else if (e instanceof ConfigError) console.error(`configuration error: ${e.message}`);
      else if (e instanceof DataDirLockedError) console.error(`cannot start: ${e.message}`);
      else console.error(e);
      process.exit(1);
    },
  );
}
