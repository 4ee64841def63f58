import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { BENCH_PASSWORD, BenchApp, U } from './support/bench-app';
import { cannon, CannonResult } from './support/cannon';
import { rawApprove } from './support/raw-ledger';
import { makeFunds, seedSubmittedRequests } from './support/seed';
import { LoadResult, runLoad } from './support/stats';
import { webLogin } from './support/web-login';
import { CALLERS, countStatements, POOL_SIZE } from './ledger-bench';

const WARM = 150;

/**
 * POST /api/v1/requests/:id/approve end to end (autocannon, 32 connections, each request a distinct
 * submitted request on one hot fund) against the approve use case's writes in plain pg.
 */
export async function hotFundHttp(
  b: BenchApp, url: string, opts: { requests: number; seconds: number },
): Promise<{ http: CannonResult; raw: LoadResult; statementsPerApproval: number }> {
  const ds = b.app.get(DataSource);
  const [httpFund, rawFund] = await makeFunds(b, 2, '900000000.00', 'http');
  const httpIds = await seedSubmittedRequests(ds, b, httpFund, WARM + opts.requests, 'h');
  const rawIds = await seedSubmittedRequests(ds, b, rawFund, WARM + opts.requests, 'r');
  await ds.query('ANALYZE');
  const token = await b.tokenFor(U.bh);
  let next = 0;
  const approve = (amount: number | undefined, seconds: number) => {
    const paths = httpIds.slice(next, amount === undefined ? undefined : next + amount).map((id) => `/api/v1/requests/${id}/approve`);
    next += paths.length;
    return cannon({
      url: b.baseUrl,
      connections: CALLERS,
      seconds,
      amount,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
      paths,
    });
  };
  const warm = await approve(WARM, 30);
  if (warm.non2xx || warm.errors) throw new Error(`approve warm-up: ${warm.non2xx} non-2xx, ${warm.errors} errors`);
  // time-bound; every request has its own id as long as fewer than opts.requests approvals fit in the time
  const statements = countStatements(ds);
  const http = await approve(undefined, opts.seconds);
  const statementsPerApproval = statements.count() / Math.max(1, http.ok);
  statements.stop();
  const pool = new Pool({ connectionString: url, max: POOL_SIZE });
  pool.on('error', () => undefined);
  try {
    const approver = { id: b.seeded.users[U.bh].id, organisationId: b.seeded.users[U.bh].organisationId };
    await runLoad({ callers: CALLERS, maxOps: WARM, maxMs: 30_000, op: (i) => rawApprove(pool, rawIds[i], approver) });
    const raw = await runLoad({ callers: CALLERS, maxOps: opts.requests, maxMs: opts.seconds * 1000, op: (i) => rawApprove(pool, rawIds[WARM + i], approver) });
    return { http, raw, statementsPerApproval };
  } finally {
    await pool.end();
  }
}

export interface ReadsResult {
  list: CannonResult;
  listSingle: CannonResult;
  queue: CannonResult;
  health: CannonResult;
  items: number;
}

/**
 * Reads at 32 connections: the API list of submitted requests (50 items with comparisons) and the
 * budget holder's queue page (/queue, with a session from the web login), against GET /health.
 */
export async function readsBench(b: BenchApp, opts: { seconds: number }): Promise<ReadsResult> {
  const ds = b.app.get(DataSource);
  const [fund] = await makeFunds(b, 1, '100000.00', 'reads');
  await seedSubmittedRequests(ds, b, fund, 200, 'q');
  await ds.query('ANALYZE');
  const token = await b.tokenFor(U.bh);
  const auth = { authorization: `Bearer ${token}` };
  const listUrl = `${b.baseUrl}/api/v1/requests?status=submitted&limit=50`;
  const probe = await fetch(listUrl, { headers: auth });
  const items = ((await probe.json()) as { items: { comparison?: unknown }[] }).items;
  if (probe.status !== 200 || items.length !== 50 || !items.every((i) => i.comparison)) throw new Error(`list probe: ${probe.status}, ${items.length} items`);
  const cookie = await webLogin(b.baseUrl, U.bh, BENCH_PASSWORD);
  const page = await fetch(`${b.baseUrl}/queue`, { headers: { cookie }, redirect: 'manual' });
  if (page.status !== 200) throw new Error(`queue page: ${page.status}`);
  await cannon({ url: listUrl, connections: CALLERS, seconds: 2, headers: auth }); // warm-up
  await cannon({ url: `${b.baseUrl}/queue`, connections: CALLERS, seconds: 1, headers: { cookie } });
  const health = await cannon({ url: `${b.baseUrl}/health`, connections: CALLERS, seconds: opts.seconds });
  const list = await cannon({ url: listUrl, connections: CALLERS, seconds: opts.seconds, headers: auth });
  const queue = await cannon({ url: `${b.baseUrl}/queue`, connections: CALLERS, seconds: opts.seconds, headers: { cookie } });
  const listSingle = await cannon({ url: listUrl, connections: 1, seconds: Math.max(2, opts.seconds / 2), headers: auth });
  for (const [name, r] of Object.entries({ health, list, queue, listSingle })) {
    if (r.non2xx || r.errors) throw new Error(`${name}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  }
  return { list, listSingle, queue, health, items: items.length };
}
