import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Clock } from '../common/clock';
import { CommonModule } from '../common/common.module';
import { ConfigModule } from '../config/config.module';
import { ConfigError, loadConfig } from '../config/env';
import { DatabaseModule } from '../database/database.module';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../database/embedded-postgres';
import { AccessLogRepository } from '../access-log/access-log.repository';
import { AccessLogService } from '../access-log/access-log.service';
import { OperatorError, operatorArg, requireOperatorArg } from '../access-log/cli-operator';
import { LedgerModule } from '../ledger/ledger.module';
import { RetentionRunDto } from './retention.dto';
import { RetentionRepository } from './retention.repository';
import { RetentionService } from './retention.service';

export function formatRetentionRun(r: RetentionRunDto): string {
  const head = `${r.dryRun ? 'DRY RUN — nothing is erased. ' : ''}retention ${r.retentionMonths} months: cases closed before ${r.cutoff}`;
  if (!r.cases.length && !r.skipped.length) return `${head}\nno expired cases`;
  const lines = r.cases.map((c) => {
    const fields = Object.entries(c.fields).filter(([, n]) => n > 0).map(([f, n]) => `${f}: ${n}`).join(', ') || 'no texts';
    return `${r.dryRun ? 'would erase' : 'erased'} ${c.caseCode} (closed ${c.closedAt}): ${fields}`;
  });
  const skipped = r.skipped.map((c) => `NOT erased ${c.caseCode} (closed ${c.closedAt}): ${c.reason}`);
  return [head, ...lines, ...skipped].join('\n');
}

/** The instant given with --as-of=YYYY-MM-DD or an ISO instant (to plan: "what would go on that day?"). */
function asOf(argv: string[]): Date | null {
  const arg = argv.find((a) => a.startsWith('--as-of='));
  if (!arg) return null;
  const d = new Date(arg.slice('--as-of='.length));
  if (Number.isNaN(d.getTime())) throw new ConfigError(`--as-of="${arg.slice(8)}" is invalid: expected a date like 2030-01-31`);
  return d;
}

/** Who may do what from the command line: the same roles as the API (GET …/retention/preview, POST …/retention/runs). */
export const RETENTION_PREVIEW_ROLES = ['admin', 'privacy_officer'] as const;
export const RETENTION_RUN_ROLES = ['admin'] as const;

/**
 * `npm run retention -- --operator <e-mail> [--dry-run] [--as-of=YYYY-MM-DD] [--json]` against
 * DATABASE_URL or the embedded database. --as-of moves "now" (only with --dry-run: erasing early is
 * not allowed). --operator names the account of the person running it (admin; a dry run also the
 * privacy officer): the listing of expired cases is recorded in the access log under it, with
 * channel `cli`, the OS account and the host (see access-log/cli-operator.ts).
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const dryRun = process.argv.includes('--dry-run');
  const moment = asOf(process.argv);
  if (moment && !dryRun) throw new ConfigError('--as-of only works with --dry-run');
  const roles = dryRun ? RETENTION_PREVIEW_ROLES : RETENTION_RUN_ROLES;
  const operatorEmail = requireOperatorArg(operatorArg(process.argv), roles);
  let embedded: EmbeddedPostgres | null = null;
  const url = config.databaseUrl ?? (embedded = await startEmbeddedPostgres({ dataDir: config.dataDir })).url;
  @Module({
    imports: [ConfigModule.forRoot(config), CommonModule, DatabaseModule.forRoot(url, 2), LedgerModule],
    providers: [RetentionRepository, RetentionService, AccessLogRepository, AccessLogService],
  })
  class RetentionCliModule {}
  const app = await NestFactory.createApplicationContext(RetentionCliModule, { logger: ['error'] });
  try {
    const accessLog = app.get(AccessLogService);
    const operator = await accessLog.cliOperator(operatorEmail, roles, dryRun ? 'a retention dry run' : 'erasing narratives');
    if (moment) app.get(Clock).set(moment);
    const result = await app.get(RetentionService).run({ dryRun, channel: 'cli' });
    // the listing names expired cases (codes, closing dates): recorded before it is printed
    await accessLog.recordCli(operator, dryRun ? 'retention.preview' : 'retention.run', {
      asOf: moment?.toISOString(), cases: String(result.cases.length), skipped: result.skipped.length ? String(result.skipped.length) : undefined,
    });
    console.log(formatRetentionRun(result));
    if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
    return 0;
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(
        e instanceof ConfigError ? `configuration error: ${e.message}` : e instanceof OperatorError ? `retention: ${e.message}` : e instanceof Error ? e.message : e,
      );
      process.exit(1);
    },
  );
}
