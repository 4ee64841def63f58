import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RuntimeConfig } from './app.module';
import { EmbeddedPostgres, startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrationsLocked } from './database/migrate';
import { DemoSeeder } from './seed/demo-seeder';

/**
 * The boot sequence the server (main.ts) and the command lines (reports/report-cli.ts) share:
 * the database (DATABASE_URL, or the embedded one in DATA_DIR), then pending migrations and the
 * demo data on boot. Feature folders call this instead of reaching into database/ and seed/.
 */
export interface BootDatabase {
  url: string;
  /** the embedded database when there is no DATABASE_URL; the caller stops it */
  embedded: EmbeddedPostgres | null;
}

export async function startDatabase(config: RuntimeConfig): Promise<BootDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
  return { url: embedded.url, embedded };
}

/** Pending migrations (unless MIGRATE_ON_BOOT=false), then the demo data on boot; returns the migrations applied. */
export async function prepareDatabase(app: INestApplicationContext, config: RuntimeConfig, db: BootDatabase): Promise<string[]> {
  const applied = config.migrateOnBoot ? await runMigrationsLocked(app.get(DataSource)) : [];
  await app.get(DemoSeeder).seedOnBoot(config, db.embedded !== null);
  return applied;
}
