import { Pool } from 'pg';
import { LedgerService } from '../../src/ledger/ledger.service';
import { LedgerVerifier } from '../../src/ledger/ledger-verifier';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { RequestDecisionsService } from '../../src/requests/request-decisions.service';
import { UsersService } from '../../src/users/users.service';
import type { BenchApp } from './support/bench-app';
import { DataSource } from 'typeorm';
import { createOneShot, oneShotApprove } from './support/one-shot';
import { rawReserve } from './support/raw-ledger';
import { makeFunds, seedSubmittedRequests } from './support/seed';
import { U } from './support/bench-app';
import { LoadResult, runLoad } from './support/stats';

export const CALLERS = 32;
/** the app's default DB_POOL_SIZE, given to the baseline's pool too */
export const POOL_SIZE = 10;

export interface Pair {
  service: LoadResult;
  raw: LoadResult;
  /** the whole approval as one round trip (support/one-shot.ts), when asked for */
  oneShot?: LoadResult;
}

/** Best of `rounds` alternating runs (the machine is shared; the best run is the least disturbed). */
async function alternate(rounds: number, raw: () => Promise<LoadResult>, service: () => Promise<LoadResult>): Promise<Pair> {
  let best: Pair | null = null;
  for (let i = 0; i < rounds; i++) {
    const r = await raw();
    const s = await service();
    best = best ? { raw: r.perSecond > best.raw.perSecond ? r : best.raw, service: s.perSecond > best.service.perSecond ? s : best.service } : { raw: r, service: s };
  }
  return best!;
}

/**
 * Reservations by 32 concurrent callers through LedgerService.reserve against the same writes in
 * plain pg (support/raw-ledger.ts), on one hot fund or spread over `funds` funds.
 */
export async function ledgerBench(
  b: BenchApp, url: string, opts: { funds: number; maxOps: number; maxMs: number; rounds: number; tag: string; oneShot?: boolean },
): Promise<Pair> {
  const ledger = b.app.get(LedgerService);
  const fundIds = await makeFunds(b, opts.funds, '900000000.00', opts.tag);
  const pool = new Pool({ connectionString: url, max: POOL_SIZE });
  pool.on('error', () => undefined);
  try {
    const fund = (i: number) => fundIds[i % fundIds.length];
    const service = (maxOps: number) => runLoad({ callers: CALLERS, maxOps, maxMs: opts.maxMs, op: (i) => ledger.reserve({ fundId: fund(i), requestId: crypto.randomUUID(), amount: '1.00', actorId: null }) });
    const raw = (maxOps: number) => runLoad({ callers: CALLERS, maxOps, maxMs: opts.maxMs, op: (i) => rawReserve(pool, fund(i), '1.00') });
    await raw(200); // warm-up: JIT, connections, plans
    await service(200);
    const best = await alternate(opts.rounds, () => raw(opts.maxOps), () => service(opts.maxOps));
    if (opts.oneShot) best.oneShot = await oneShotBench(b, pool, opts);
    const verdict = await b.app.get(LedgerVerifier).verify();
    if (!verdict.ok) throw new Error(`ledger does not verify after the benchmark: ${JSON.stringify(verdict.checks.filter((c) => !c.ok))}`);
    return best;
  } finally {
    await pool.end();
  }
}

/** One-shot approvals (one PL/pgSQL call each) by 32 callers on a hot fund of their own. */
async function oneShotBench(b: BenchApp, pool: Pool, opts: { maxOps: number; maxMs: number; tag: string }): Promise<LoadResult> {
  const WARM = 200;
  const [fund] = await makeFunds(b, 1, '900000000.00', `${opts.tag} one-shot`);
  const ids = await seedSubmittedRequests(b.app.get(DataSource), b, fund, WARM + opts.maxOps, `os-${opts.tag}`);
  await createOneShot(pool);
  const approver = { id: b.seeded.users[U.bh].id, organisationId: b.seeded.users[U.bh].organisationId };
  await runLoad({ callers: CALLERS, maxOps: WARM, maxMs: 30_000, op: (i) => oneShotApprove(pool, ids[i], approver) });
  const r = await runLoad({ callers: CALLERS, maxOps: opts.maxOps, maxMs: opts.maxMs, op: (i) => oneShotApprove(pool, ids[WARM + i], approver) });
  if (r.errors) throw new Error(`one-shot approvals: ${r.errors} errors (${r.errorSamples.join('; ')})`);
  return r;
}

export interface ApprovalsResult {
  /** RequestDecisionsService.approve by 32 callers, group commit (as the API runs it without an Idempotency-Key) */
  grouped: LoadResult;
  /** the same, each approval in a transaction of its own (as with an Idempotency-Key) */
  alone: LoadResult;
  /** statements per approval sent by the app, counted over the grouped and the alone runs */
  statementsPerApproval: number;
  statementsPerApprovalAlone: number;
}

/**
 * Whole approvals through the service (access check, decision step, answer DTO) by 32 callers on
 * one hot fund, grouped and alone, best of `rounds` alternating runs; every approval its own
 * pre-created submitted request. The ledger must verify afterwards.
 */
export async function approvalsBench(b: BenchApp, opts: { maxOps: number; maxMs: number; rounds: number; tag: string }): Promise<ApprovalsResult> {
  const decisions = b.app.get(RequestDecisionsService);
  const tx = b.app.get(TransactionRunner);
  const user = await b.app.get(UsersService).findActive(b.seeded.users[U.bh].id);
  if (!user) throw new Error('bench budget holder missing');
  const WARM = 200;
  const [groupedFund, aloneFund] = await makeFunds(b, 2, '900000000.00', `${opts.tag} approvals`);
  const ds = b.app.get(DataSource);
  const groupedIds = await seedSubmittedRequests(ds, b, groupedFund, WARM + opts.rounds * opts.maxOps, `ga-${opts.tag}`);
  const aloneIds = await seedSubmittedRequests(ds, b, aloneFund, WARM + opts.rounds * opts.maxOps, `aa-${opts.tag}`);
  await ds.query('ANALYZE');
  let g = 0;
  let a = 0;
  const grouped = (maxOps: number) => runLoad({ callers: CALLERS, maxOps, maxMs: opts.maxMs, op: () => decisions.approve(user, groupedIds[g++]) });
  const alone = (maxOps: number) => runLoad({ callers: CALLERS, maxOps, maxMs: opts.maxMs, op: () => tx.run(() => decisions.approve(user, aloneIds[a++])) });
  await grouped(WARM);
  await alone(WARM);
  const statements = countStatements(ds);
  let best: ApprovalsResult | null = null;
  for (let i = 0; i < opts.rounds; i++) {
    const before = statements.count();
    const gr = await grouped(opts.maxOps);
    const perApproval = (statements.count() - before) / Math.max(1, gr.ops);
    const between = statements.count();
    const al = await alone(opts.maxOps);
    const perAlone = (statements.count() - between) / Math.max(1, al.ops);
    for (const [name, r] of [['grouped', gr], ['alone', al]] as const) {
      if (r.errors) throw new Error(`${name} approvals: ${r.errors} errors (${r.errorSamples.join('; ')})`);
    }
    best = best
      ? {
          grouped: gr.perSecond > best.grouped.perSecond ? gr : best.grouped,
          alone: al.perSecond > best.alone.perSecond ? al : best.alone,
          statementsPerApproval: Math.min(best.statementsPerApproval, perApproval),
          statementsPerApprovalAlone: Math.min(best.statementsPerApprovalAlone, perAlone),
        }
      : { grouped: gr, alone: al, statementsPerApproval: perApproval, statementsPerApprovalAlone: perAlone };
  }
  statements.stop();
  const verdict = await b.app.get(LedgerVerifier).verify();
  if (!verdict.ok) throw new Error(`ledger does not verify after the approvals benchmark: ${JSON.stringify(verdict.checks.filter((c) => !c.ok))}`);
  return best!;
}

/** Statements the app's pool sends from now on (a wrapper around its pg clients' query). */
export function countStatements(ds: DataSource): { count(): number; stop(): void } {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const pool = (ds.driver as any).master as { on(e: string, f: (c: unknown) => void): void; off(e: string, f: (c: unknown) => void): void; _clients?: unknown[] };
  let n = 0;
  const wrapped = new WeakSet<object>();
  const wrap = (client: unknown) => {
    const c = client as { query: (...args: unknown[]) => unknown };
    if (wrapped.has(c)) return;
    wrapped.add(c);
    const original = c.query;
    c.query = function (this: unknown, ...args: unknown[]) {
      n++;
      return original.apply(this, args);
    };
  };
  for (const c of pool._clients ?? []) wrap(c);
  pool.on('connect', wrap);
  return { count: () => n, stop: () => pool.off('connect', wrap) };
}
