import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../../../src/database/data-source';
import { startEmbeddedPostgres } from '../../../src/database/embedded-postgres';

export interface BenchDatabase {
  engine: 'postgresql' | 'pglite';
  url: string;
  drop(): Promise<void>;
}

async function migrate(url: string): Promise<void> {
  const ds = createDataSource(url, 1);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await ds.destroy();
  }
}

/** A fresh, migrated database on the PostgreSQL of BENCH_DATABASE_URL; dropped by `drop()`. */
export async function createPostgresBenchDatabase(base: string): Promise<BenchDatabase> {
  const name = `dbb_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    engine: 'postgresql',
    url: url.toString(),
    async drop() {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * The embedded default as the service runs it: PGlite in this process, persisted (durably) in a
 * temporary data directory, served by our wire server.
 */
export async function createEmbeddedBenchDatabase(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'dbb-bench-'));
  const embedded = await startEmbeddedPostgres({ dataDir: dir });
  await migrate(embedded.url);
  return {
    engine: 'pglite',
    url: embedded.url,
    async drop() {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
