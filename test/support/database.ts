import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { startPgliteChild } from './pglite-child';

export interface TestDatabase {
  url: string;
  /** which engine this file runs on, for the rare test that must know */
  engine: 'postgres' | 'pglite';
  drop(): Promise<void>;
}

/** A clean, migrated database of its own for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  const template = process.env.TEST_TEMPLATE_DB;
  if (base && template) {
    const name = `dbb_t_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      engine: 'postgres',
      async drop() {
        const c = new Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const file = process.env.TEST_PGLITE_TEMPLATE;
  if (!file) throw new Error('test/global-setup.ts did not run');
  const pg = await startPgliteChild(file);
  return { url: pg.url, engine: 'pglite', drop: () => pg.stop() };
}
