import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { chainedReason, chainHash, journalEntryChainContent, REQUEST_EVENT_FORMAT, requestEventChainContent } from '../../../src/ledger/hash-chain';

/**
 * The baselines: the same double-entry writes as LedgerService.reserve (and the approve use case),
 * with the same locking, in plain `pg` — no Nest, no TypeORM, no entities. Same statements, same
 * hash chain, so the ratio shows what our layers cost.
 */

async function inTransaction<T>(pool: Pool, work: (c: PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN ISOLATION LEVEL READ COMMITTED');
    const out = await work(c);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

interface Locked {
  chainSeq: bigint;
  chainHead: string;
  available: { id: string; balance: Decimal };
  committed: { id: string };
}

async function lockFund(c: PoolClient, fundId: string): Promise<Locked> {
  const f = await c.query<{ chain_seq: string; chain_head: string }>('SELECT chain_seq, chain_head FROM funds WHERE id = $1 FOR UPDATE', [fundId]);
  const accounts = await c.query<{ id: string; code: string; balance: string }>('SELECT id, code, balance FROM ledger_accounts WHERE fund_id = $1', [fundId]);
  const available = accounts.rows.find((a) => a.code === 'available')!;
  const committed = accounts.rows.find((a) => a.code === 'committed')!;
  return {
    chainSeq: BigInt(f.rows[0].chain_seq),
    chainHead: f.rows[0].chain_head,
    available: { id: available.id, balance: new Decimal(available.balance) },
    committed: { id: committed.id },
  };
}

async function postReservation(c: PoolClient, fundId: string, locked: Locked, requestId: string, amount: Decimal, actorId: string | null, memo: string) {
  if (locked.available.balance.lt(amount)) throw new Error('insufficient funds');
  const entry = {
    id: randomUUID(), fundId, kind: 'reservation', effectiveDate: new Date().toISOString().slice(0, 10), recordedAt: new Date(),
    actorId, requestId, contributionId: null, paymentId: null, reversesEntryId: null, memo,
  };
  const postings = [{ accountId: locked.available.id, amount: amount.neg() }, { accountId: locked.committed.id, amount }];
  const seq = (locked.chainSeq + 1n).toString();
  const hash = chainHash(locked.chainHead, seq, journalEntryChainContent(entry, postings));
  await c.query(
    `INSERT INTO journal_entries (id, fund_id, chain_seq, kind, effective_date, recorded_at, actor_id, request_id, memo, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [entry.id, fundId, seq, entry.kind, entry.effectiveDate, entry.recordedAt, actorId, requestId, memo, locked.chainHead, hash],
  );
  await c.query('INSERT INTO journal_postings (entry_id, account_id, amount) VALUES ($1, $2, $3), ($1, $4, $5)', [
    entry.id, postings[0].accountId, postings[0].amount.toFixed(), postings[1].accountId, postings[1].amount.toFixed(),
  ]);
  for (const p of postings) await c.query('UPDATE ledger_accounts SET balance = balance + $1::numeric WHERE id = $2', [p.amount.toFixed(), p.accountId]);
  locked.chainSeq += 1n;
  locked.chainHead = hash;
}

/** LedgerService.reserve in plain pg. */
export function rawReserve(pool: Pool, fundId: string, amount: string): Promise<void> {
  return inTransaction(pool, async (c) => {
    const locked = await lockFund(c, fundId);
    await postReservation(c, fundId, locked, randomUUID(), new Decimal(amount), null, 'reservering');
    await c.query('UPDATE funds SET chain_seq = $2, chain_head = $3 WHERE id = $1', [fundId, locked.chainSeq.toString(), locked.chainHead]);
  });
}

/**
 * The approve use case's writes in plain pg: lock fund then request, record the approval, reserve,
 * chain the audit event, move the request to approved. (No view is built for the answer.)
 */
export function rawApprove(pool: Pool, requestId: string, approver: { id: string; organisationId: string }): Promise<void> {
  return inTransaction(pool, async (c) => {
    const r0 = await c.query<{ fund_id: string }>('SELECT fund_id FROM requests WHERE id = $1', [requestId]);
    const fundId = r0.rows[0].fund_id;
    const locked = await lockFund(c, fundId);
    const r = await c.query<{ status: string; amount: string; title: string }>('SELECT status, amount, title FROM requests WHERE id = $1 FOR UPDATE', [requestId]);
    if (r.rows[0].status !== 'submitted') throw new Error(`request is ${r.rows[0].status}`);
    const now = new Date();
    await c.query(
      'INSERT INTO request_approvals (request_id, approver_id, approver_role, organisation_id, comment, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [requestId, approver.id, 'budget_holder', approver.organisationId, '', now],
    );
    await postReservation(c, fundId, locked, requestId, new Decimal(r.rows[0].amount), approver.id, `reservering voor aanvraag "${r.rows[0].title}"`);
    const reason = chainedReason('akkoord');
    const event = { requestId, fundId, actorId: approver.id, actorRole: 'budget_holder', fromStatus: 'submitted', toStatus: 'approved', reasonDigest: reason.reasonDigest, createdAt: now };
    const seq = (locked.chainSeq + 1n).toString();
    const hash = chainHash(locked.chainHead, seq, requestEventChainContent(event));
    await c.query(
      `INSERT INTO request_events (request_id, fund_id, chain_seq, actor_id, actor_role, from_status, to_status, reason, created_at, prev_hash, hash,
                                   chain_format, reason_salt, reason_digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [requestId, fundId, seq, approver.id, 'budget_holder', 'submitted', 'approved', reason.reason, now, locked.chainHead, hash,
        REQUEST_EVENT_FORMAT, reason.reasonSalt, reason.reasonDigest],
    );
    await c.query('UPDATE funds SET chain_seq = $2, chain_head = $3 WHERE id = $1', [fundId, seq, hash]);
    await c.query(
      `UPDATE requests SET status = 'approved', committed_amount = amount, decided_at = $2, updated_at = $2, version = version + 1 WHERE id = $1`,
      [requestId, now],
    );
  });
}
