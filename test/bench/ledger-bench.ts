import { Pool } from 'pg';
import { LedgerService } from '../../src/ledger/ledger.service';
import { LedgerVerifier } from '../../src/ledger/ledger-verifier';
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
