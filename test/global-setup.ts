import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../src/database/data-source';
import { startPgliteChild } from './support/pglite-child';

/**
 * Migrate a template database once per run. On PostgreSQL (TEST_DATABASE_URL) every test file then
 * clones it with CREATE DATABASE … TEMPLATE; on the embedded path every test file boots a fresh
 * in-memory PGlite from the dumped, migrated data directory.
 */
export default async function globalSetup(): Promise<void> {
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    const template = `dbb_tpl_${process.pid}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${template}`;
    const ds = createDataSource(url.toString(), 2);
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    process.env.TEST_TEMPLATE_DB = template;
    return;
  }
  const pg = await startPgliteChild();
  const ds = createDataSource(pg.url, 1);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  const dir = join(__dirname, '.tmp');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `pglite-template-${process.pid}.tgz`);
  await pg.dump(file);
  await pg.stop();
  process.env.TEST_PGLITE_TEMPLATE = file;
}
