import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommonModule } from '../common/common.module';
import { ConfigModule } from '../config/config.module';
import { ConfigError, loadConfig } from '../config/env';
import { DatabaseModule } from '../database/database.module';
import { EmbeddedPostgres, startEmbeddedPostgres } from '../database/embedded-postgres';
import { LedgerModule } from './ledger.module';
import { LedgerVerifier, VerifyResult } from './ledger-verifier';

/** Human-readable report; the JSON follows with --json. */
export function formatVerifyResult(result: VerifyResult): string {
  const lines = result.checks.map((c) => {
    const where = c.firstBroken ? ` [first broken: ${c.firstBroken.table} ${c.firstBroken.id}${c.firstBroken.chainSeq ? ` seq ${c.firstBroken.chainSeq}` : ''}]` : '';
    return `${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}${where}`;
  });
  lines.push(result.ok ? `ledger verified: ${result.entries} journal entries, all checks pass` : `LEDGER NOT OK: ${result.checks.filter((c) => !c.ok).length} check(s) fail`);
  return lines.join('\n');
}

/**
 * `npm run ledger:verify [-- --json]`: recompute the ledger against DATABASE_URL or, when that is
 * absent, the embedded database in DATA_DIR. Exit code 1 when any check fails.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  let embedded: EmbeddedPostgres | null = null;
  const url = config.databaseUrl ?? (embedded = await startEmbeddedPostgres({ dataDir: config.dataDir })).url;
  @Module({ imports: [ConfigModule.forRoot(config), CommonModule, DatabaseModule.forRoot(url, 2), LedgerModule] })
  class VerifyCliModule {}
  const app = await NestFactory.createApplicationContext(VerifyCliModule, { logger: ['error'] });
  try {
    const result = await app.get(LedgerVerifier).verify();
    console.log(formatVerifyResult(result));
    if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      const missingTables = (e as { driverError?: { code?: string } })?.driverError?.code === '42P01';
      console.error(
        e instanceof ConfigError
          ? `configuration error: ${e.message}`
          : missingTables
            ? 'this database has no ledger tables yet: run `npm run migration:run` first'
            : e instanceof Error
              ? e.message
              : e,
      );
      process.exit(1);
    },
  );
}
