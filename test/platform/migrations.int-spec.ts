import { randomUUID } from 'node:crypto';
import { createDataSource } from '../../src/database/data-source';
import { chainHash, GENESIS_HASH, legacyRequestEventChainContent } from '../../src/ledger/hash-chain';
import { LedgerVerifier } from '../../src/ledger/ledger-verifier';
import { ledgerTestingModule } from '../factories/ledger.factory';
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

  it('keep workflow events chained before ErasableEventReasons verifiable, as chain format 1', async () => {
    const old = await createTestDatabase();
    const ds = createDataSource(old.url, 1);
    await ds.initialize();
    try {
      // back to the schema before the migration (and any later one), where events hashed their reason text
      const applied = async () => ((await ds.query(`SELECT name FROM schema_migrations`)) as { name: string }[]).map((r) => r.name);
      while ((await applied()).includes('ErasableEventReasons1796730000000')) await ds.undoLastMigration();
      const [fund] = await ds.query(
        `INSERT INTO funds (name, period_start, period_end, requester_mandate, single_approver_limit, person_cap_per_year)
         VALUES ('Fonds van voor de upgrade', '2026-01-01', '2026-12-31', 250, 2500, 10000) RETURNING id`,
      );
      const event = {
        requestId: randomUUID(), fundId: fund.id as string, actorId: randomUUID(), actorRole: 'budget_holder', fromStatus: 'submitted', toStatus: 'rejected',
        reason: 'Afgewezen: eerst de corporatie vragen', createdAt: new Date('2026-03-04T05:06:07.089Z'),
      };
      const hash = chainHash(GENESIS_HASH, '1', legacyRequestEventChainContent(event));
      await ds.query(
        `INSERT INTO request_events (request_id, fund_id, chain_seq, actor_id, actor_role, from_status, to_status, reason, created_at, prev_hash, hash)
         VALUES ($1, $2, 1, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [event.requestId, event.fundId, event.actorId, event.actorRole, event.fromStatus, event.toStatus, event.reason, event.createdAt, GENESIS_HASH, hash],
      );
      await ds.query(`UPDATE funds SET chain_seq = 1, chain_head = $2 WHERE id = $1`, [fund.id, hash]);

      await ds.runMigrations({ transaction: 'each' });
      expect(await ds.query(`SELECT chain_format, reason, reason_digest, hash FROM request_events`)).toEqual([
        { chain_format: 1, reason: event.reason, reason_digest: null, hash },
      ]);
      const app = await ledgerTestingModule(old.url, 2);
      try {
        const result = await app.get(LedgerVerifier).verify();
        expect(result.checks.find((c) => c.name === 'hash_chain')).toMatchObject({ ok: true, detail: expect.stringContaining('(1 records)') });
        expect(result.ok).toBe(true);
      } finally {
        await app.close();
      }
    } finally {
      await ds.destroy();
      await old.drop();
    }
  });
});
