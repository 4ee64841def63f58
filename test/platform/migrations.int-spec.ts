import { createDataSource } from '../../src/database/data-source';
import { createTestDatabase, TestDatabase } from '../support/database';

describe('migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('leave no difference between the entities and the migrated schema (drift check)', async () => {
    const ds = createDataSource(db.url, 1);
    await ds.initialize();
    try {
      const sql = await ds.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('refuse UPDATE and DELETE on the append-only journal tables', async () => {
    const ds = createDataSource(db.url, 1);
    await ds.initialize();
    try {
      await expect(ds.query('DELETE FROM journal_entries')).resolves.toBeDefined(); // no rows: statement-level fine
      await expect(ds.query('TRUNCATE journal_postings')).rejects.toThrow(/append-only/);
    } finally {
      await ds.destroy();
    }
  });
});
