import { TestingModule } from '@nestjs/testing';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { FundEntity } from '../../src/funds/fund.entity';
import { chainedReason, legacyRequestEventChainContent, REQUEST_EVENT_FORMAT, requestEventChainContent } from '../../src/ledger/hash-chain';
import { LedgerService } from '../../src/ledger/ledger.service';
import { LedgerVerifier, VerifyResult } from '../../src/ledger/ledger-verifier';
import { RequestEventEntity } from '../../src/requests/request.entities';
import { ledgerFactory, ledgerTestingModule } from '../factories/ledger.factory';
import { createTestDatabase, TestDatabase } from '../support/database';

const run = promisify(execFile);

/** A database with a small but complete ledger: contributions, a workflow event, reservation, payment, refund, reversal, transfer. */
async function seededLedger() {
  const db = await createTestDatabase();
  const app = await ledgerTestingModule(db.url);
  const ds = app.get(DataSource);
  const ledger = app.get(LedgerService);
  const tx = app.get(TransactionRunner);
  const make = ledgerFactory(ds, ledger);
  const partner = await make.organisation();
  const fund = await make.fund({ contributions: { [partner.id]: '1000.00' } });
  const other = await make.fund({ contributions: { [partner.id]: '50.00' } });
  const requestId = randomUUID();
  await ledger.withFund(fund.id, async (open) => {
    // an event as it was chained before format 2 (the reason text itself in the hash)
    const legacy = { requestId, fundId: fund.id, actorId: randomUUID(), actorRole: 'professional', fromStatus: 'draft', toStatus: 'submitted', reason: 'ingediend met uitleg', createdAt: new Date() };
    const legacyLink = open.chain(legacyRequestEventChainContent(legacy));
    await tx.manager.getRepository(RequestEventEntity).insert({ ...legacy, ...legacyLink, chainFormat: 1 });
    // and one as the workflow writes it now (a salted digest of the reason in the hash)
    const { reason, reasonSalt, reasonDigest } = chainedReason('akkoord');
    const event = { requestId, fundId: fund.id, actorId: randomUUID(), actorRole: 'budget_holder', fromStatus: 'submitted', toStatus: 'approved', reasonDigest, createdAt: new Date() };
    const link = open.chain(requestEventChainContent(event));
    await tx.manager.getRepository(RequestEventEntity).insert({ ...event, ...link, reason, reasonSalt, chainFormat: REQUEST_EVENT_FORMAT });
    await open.reserve({ requestId, amount: '300.00', actorId: null });
  });
  const paid = await ledger.pay({ fundId: fund.id, requestId, amount: '200.00', reference: 'factuur 1', actorId: null });
  await ledger.refund({ fundId: fund.id, requestId, amount: '20.00', actorId: null, note: 'retour' });
  const wrong = await ledger.reserve({ fundId: fund.id, requestId: randomUUID(), amount: '5.00', actorId: null });
  await ledger.reverse({ entryId: wrong.entry.id, actorId: null, reason: 'verkeerd fonds' });
  await ledger.transfer({ fromFundId: fund.id, toFundId: other.id, amount: '25.00', actorId: null, note: 'aanvulling' });
  const verify = () => app.get(LedgerVerifier).verify();
  const close = async () => {
    await app.close();
    await db.drop();
  };
  return { db, app, ds, fund, paid, requestId, verify, close };
}

/** Change a row behind the append-only triggers, the way an attacker with database access could. */
async function tamper(ds: DataSource, table: string, sql: string, params: unknown[]): Promise<void> {
  await ds.transaction(async (m) => {
    await m.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await m.query(sql, params);
    await m.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
  });
}

const failing = (r: VerifyResult) => Object.fromEntries(r.checks.filter((c) => !c.ok).map((c) => [c.name, c.firstBroken]));

async function verifyCli(url: string): Promise<{ code: number; out: string }> {
  const args = ['-r', 'ts-node/register/transpile-only', join(__dirname, '..', '..', 'src', 'ledger', 'verify-cli.ts')];
  try {
    const { stdout } = await run(process.execPath, args, { env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' }, timeout: 60_000 });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('LedgerVerifier', () => {
  describe('on an untouched ledger', () => {
    let s: Awaited<ReturnType<typeof seededLedger>>;
    beforeAll(async () => {
      s = await seededLedger();
    });
    afterAll(() => s.close());

    it('reports every check as ok', async () => {
      const result = await s.verify();
      expect(result).toMatchObject({ ok: true, entries: 9 });
      expect(result.checks.map((c) => [c.name, c.ok])).toEqual([
        ['entries_balance', true],
        ['account_balances', true],
        ['fund_budgets', true],
        ['transfers_balance', true],
        ['hash_chain', true],
        ['checkpoints', true],
      ]);
      expect(result.checks.find((c) => c.name === 'hash_chain')?.detail).toContain('2 fund chains intact (11 records)');
    });

    it('runs inside a caller transaction too', async () => {
      await expect(s.app.get(TransactionRunner).run(() => s.verify())).resolves.toMatchObject({ ok: true });
    });

    it('exits 0 from the command line', async () => {
      const { code, out } = await verifyCli(s.db.url);
      expect(out).toContain('ledger verified: 9 journal entries, all checks pass');
      expect(code).toBe(0);
    });
  });

  it('names the entry whose posting amount was changed behind the triggers, also from the command line', async () => {
    const s = await seededLedger();
    try {
      const [posting]: { id: string }[] = await s.ds.query(
        `SELECT p.id FROM journal_postings p JOIN ledger_accounts a ON a.id = p.account_id WHERE p.entry_id = $1 AND a.kind = 'spent'`,
        [s.paid.entry.id],
      );
      await tamper(s.ds, 'journal_postings', 'UPDATE journal_postings SET amount = 20.00 WHERE id = $1', [posting.id]);
      const result = await s.verify();
      expect(result.ok).toBe(false);
      expect(failing(result)).toEqual({
        entries_balance: { table: 'journal_entries', id: s.paid.entry.id, chainSeq: s.paid.entry.chainSeq },
        account_balances: expect.objectContaining({ table: 'ledger_accounts' }),
        fund_budgets: { table: 'funds', id: s.fund.id, chainSeq: null },
        hash_chain: { table: 'journal_entries', id: s.paid.entry.id, chainSeq: s.paid.entry.chainSeq },
      });
      expect(result.checks.find((c) => c.name === 'hash_chain')?.detail).toContain('hash does not recompute');
      const cli = await verifyCli(s.db.url);
      expect(cli.code).toBe(1);
      expect(cli.out).toContain(`FAIL hash_chain`);
      expect(cli.out).toContain(s.paid.entry.id);
    } finally {
      await s.close();
    }
  });

  /** The seeded events: format 1 (legacy) and format 2. */
  async function events(s: Awaited<ReturnType<typeof seededLedger>>): Promise<{ legacy: { id: string; chain_seq: string }; current: { id: string; chain_seq: string } }> {
    const rows: { id: string; chain_seq: string; chain_format: number }[] = await s.ds.query(
      'SELECT id, chain_seq, chain_format FROM request_events WHERE request_id = $1 ORDER BY chain_seq',
      [s.requestId],
    );
    return { legacy: rows.find((r) => r.chain_format === 1)!, current: rows.find((r) => r.chain_format === 2)! };
  }

  it('names the workflow event whose reason was rewritten, in either chain format', async () => {
    const s = await seededLedger();
    try {
      const { legacy, current } = await events(s);
      await tamper(s.ds, 'request_events', `UPDATE request_events SET reason = 'afgewezen' WHERE id = $1`, [current.id]);
      let result = await s.verify();
      expect(failing(result)).toEqual({ hash_chain: { table: 'request_events', id: current.id, chainSeq: current.chain_seq } });
      expect(result.checks.find((c) => c.name === 'hash_chain')?.detail).toContain('the reason does not match its chained digest');

      await tamper(s.ds, 'request_events', `UPDATE request_events SET reason = 'afgewezen' WHERE id = $1`, [legacy.id]);
      result = await s.verify();
      expect(failing(result)).toEqual({ hash_chain: { table: 'request_events', id: legacy.id, chainSeq: legacy.chain_seq } });
      expect(result.checks.find((c) => c.name === 'hash_chain')?.detail).toContain('hash does not recompute');
    } finally {
      await s.close();
    }
  });

  it('notices a changed reason digest, a reason erased outside retention, and a legacy reason erased without a seal', async () => {
    const s = await seededLedger();
    try {
      const { current } = await events(s);
      // the digest is what the chain covers: changing it (to match a new text) breaks the hash
      await tamper(s.ds, 'request_events', `UPDATE request_events SET reason_digest = $2 WHERE id = $1`, [current.id, 'a'.repeat(64)]);
      const result = await s.verify();
      expect(failing(result)).toEqual({ hash_chain: { table: 'request_events', id: current.id, chainSeq: current.chain_seq } });
      expect(result.checks.find((c) => c.name === 'hash_chain')?.detail).toContain('hash does not recompute');
    } finally {
      await s.close();
    }
    const s2 = await seededLedger();
    try {
      const { legacy, current } = await events(s2);
      // the trigger allows the erasure itself (retention's UPDATE), so the verifier asks for its record
      await s2.ds.query(`UPDATE request_events SET reason = '', reason_salt = NULL, reason_erased_at = now() WHERE id = $1`, [current.id]);
      let result = await s2.verify();
      expect(failing(result)).toEqual({ hash_chain: { table: 'request_events', id: current.id, chainSeq: current.chain_seq } });
      expect(result.checks.find((c) => c.name === 'hash_chain')?.detail).toContain('no retention erasure of its case is recorded');

      // a legacy (format 1) reason can only be erased with a seal in the chain; behind the triggers the verifier notices
      await expect(s2.ds.query(`UPDATE request_events SET reason = '', reason_erased_at = now() WHERE id = $1`, [legacy.id])).rejects.toThrow(/append-only/);
      await tamper(s2.ds, 'request_events', `UPDATE request_events SET reason = '', reason_erased_at = now() WHERE id = $1`, [legacy.id]);
      result = await s2.verify();
      expect(failing(result)).toEqual({ hash_chain: { table: 'request_events', id: legacy.id, chainSeq: legacy.chain_seq } });
      expect(result.checks.find((c) => c.name === 'hash_chain')?.detail).toContain('no seal in the chain vouches for the event');
    } finally {
      await s2.close();
    }
  });

  it('lets the database refuse every other change of a workflow event', async () => {
    const s = await seededLedger();
    try {
      const { current } = await events(s);
      await expect(s.ds.query(`UPDATE request_events SET actor_role = 'admin' WHERE id = $1`, [current.id])).rejects.toThrow(/append-only/);
      // erasing must also leave everything else as it was
      await expect(
        s.ds.query(`UPDATE request_events SET reason = '', reason_salt = NULL, reason_erased_at = now(), to_status = 'rejected' WHERE id = $1`, [current.id]),
      ).rejects.toThrow(/append-only/);
      // keeping the salt (so the erased text could be confirmed by guessing) is refused too
      await expect(s.ds.query(`UPDATE request_events SET reason = '', reason_erased_at = now() WHERE id = $1`, [current.id])).rejects.toThrow(/append-only/);
      await expect(s.ds.query(`DELETE FROM request_events WHERE id = $1`, [current.id])).rejects.toThrow(/append-only/);
      await expect(s.ds.query(`TRUNCATE request_events`)).rejects.toThrow(/append-only/);
      expect((await s.verify()).ok).toBe(true);
    } finally {
      await s.close();
    }
  });

  it('notices a journal entry deleted from the middle of the chain', async () => {
    const s = await seededLedger();
    try {
      await tamper(s.ds, 'journal_postings', 'DELETE FROM journal_postings WHERE entry_id = $1', [s.paid.entry.id]);
      await tamper(s.ds, 'journal_entries', 'DELETE FROM journal_entries WHERE id = $1', [s.paid.entry.id]);
      const result = await s.verify();
      expect(result.ok).toBe(false);
      const next = BigInt(s.paid.entry.chainSeq) + 1n;
      expect(failing(result).hash_chain).toMatchObject({ chainSeq: next.toString() });
      expect(result.checks.find((c) => c.name === 'hash_chain')?.detail).toContain(`expected seq ${s.paid.entry.chainSeq}`);
    } finally {
      await s.close();
    }
  });

  it('notices a stored balance or a chain head changed by hand', async () => {
    const s = await seededLedger();
    try {
      await s.ds.query(`UPDATE ledger_accounts SET balance = balance + 100 WHERE fund_id = $1 AND code = 'available'`, [s.fund.id]);
      await s.ds.getRepository(FundEntity).update({ id: s.fund.id }, { chainHead: 'f'.repeat(64) });
      const result = await s.verify();
      expect(Object.keys(failing(result))).toEqual(['account_balances', 'hash_chain']);
      expect(failing(result).hash_chain).toEqual({ table: 'funds', id: s.fund.id, chainSeq: expect.any(String) });
    } finally {
      await s.close();
    }
  });
});
