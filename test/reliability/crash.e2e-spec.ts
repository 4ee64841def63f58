import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, TestDatabase } from '../support/database';
import { Client, Reply, U } from './support/http';
import { freePort, PASSWORD, ServiceProcess, startService } from './support/service';
import { consistencyProblems, fundState, makeFund, submittedRequests } from './support/world';

/**
 * Crash safety of the real process: drive approvals and payments over HTTP (with Idempotency-Keys),
 * SIGKILL the service in the middle of it, start it again on the same data, and check that every
 * acknowledged write is there, nothing is half-done, the ledger verifies, and retrying what was in
 * flight with the same keys takes effect exactly once. On PostgreSQL when TEST_DATABASE_URL is set
 * (a fresh database from the template), otherwise on the embedded default (DATA_DIR in a temp folder).
 */
describe(`crash: SIGKILL under load (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
  let db: TestDatabase | null = null;
  let dataDir: string | null = null;
  let env: Record<string, string>;
  let port: number;
  let service: ServiceProcess | null = null;

  beforeAll(async () => {
    port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'dbb-crash-'));
    if (onPostgres) {
      db = await createTestDatabase();
      env = { DATABASE_URL: db.url, DATA_DIR: dataDir };
    } else {
      env = { DATA_DIR: dataDir };
    }
  });

  afterAll(async () => {
    await service?.stop();
    await db?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged approval and payment, and nothing half-done, across a SIGKILL', async () => {
    service = await startService(env, port);
    const c = new Client(service.baseUrl, PASSWORD);
    const fundId = await makeFund(c, '100000.00');
    const toApprove = await submittedRequests(c, fundId, 20, '300.00');
    const toPay = await submittedRequests(c, fundId, 8, '400.00');
    for (const id of toPay) await c.ok('POST', `/api/v1/requests/${id}/approve`, { as: U.bh, body: {} });

    type Op = { key: string; method: string; path: string; as: string; body: Record<string, unknown>; id: string; kind: 'approve' | 'pay' };
    const ops: Op[] = [
      ...toApprove.map((id): Op => ({ key: `approve-${id}`, method: 'POST', path: `/api/v1/requests/${id}/approve`, as: U.bh, body: {}, id, kind: 'approve' })),
      ...toPay.map((id): Op => ({ key: `pay-${id}`, method: 'POST', path: `/api/v1/requests/${id}/pay`, as: U.admin, body: { reference: `BET-${id.slice(0, 8)}` }, id, kind: 'pay' })),
    ].sort((a, b) => (a.key < b.key ? -1 : 1)); // interleave approvals and payments
    const send = (op: Op): Promise<Reply> => c.call(op.method, op.path, { as: op.as, body: op.body, headers: { 'Idempotency-Key': op.key }, timeoutMs: 10_000 });

    // warm the tokens, then run the load from 4 concurrent clients and kill the service mid-way
    await c.token(U.bh);
    await c.token(U.admin);
    const acked = new Map<string, Reply>();
    const refused: string[] = [];
    let next = 0;
    let killed = false;
    const killAfter = 10;
    const worker = async () => {
      while (next < ops.length && !killed) {
        const op = ops[next++];
        try {
          const res = await send(op);
          if (res.status >= 200 && res.status < 300) acked.set(op.key, res);
          else refused.push(`${op.key}: ${res.status} ${JSON.stringify(res.body)}`);
        } catch {
          /* connection dropped by the kill: outcome unknown */
        }
        if (acked.size >= killAfter && !killed) {
          killed = true;
          await service!.kill();
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(killed).toBe(true);
    expect(refused).toEqual([]);
    expect(acked.size).toBeGreaterThanOrEqual(killAfter);
    expect(acked.size).toBeLessThan(ops.length);

    service = await startService(env, port);
    c.baseUrl = service.baseUrl;

    // every acknowledged write is there
    for (const op of ops.filter((o) => acked.has(o.key))) {
      const r = await c.ok('GET', `/api/v1/requests/${op.id}`, { as: U.admin });
      expect({ key: op.key, status: r.status }).toEqual({ key: op.key, status: op.kind === 'approve' ? expect.stringMatching(/^(approved|paid)$/) : 'paid' });
    }
    // and nothing is half-done
    const all = [...toApprove, ...toPay];
    await expect(consistencyProblems(c, fundId, all)).resolves.toEqual([]);

    // an acknowledged write replayed with its key answers the stored result and changes nothing
    const before = await fundState(c, fundId);
    const replayed = ops.find((o) => acked.has(o.key))!;
    const again = await send(replayed);
    expect(again.status).toBe(acked.get(replayed.key)!.status);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    await expect(fundState(c, fundId)).resolves.toEqual(before);

    // retrying everything else with the same keys takes effect exactly once
    for (const op of ops.filter((o) => !acked.has(o.key))) {
      const res = await send(op);
      expect({ key: op.key, status: res.status }).toEqual({ key: op.key, status: 200 });
    }
    for (const op of ops) await expect(send(op).then((r) => r.status)).resolves.toBe(200);
    await expect(consistencyProblems(c, fundId, all)).resolves.toEqual([]);
    const after = await fundState(c, fundId);
    expect(after).toEqual({ budget: '100000.00', committed: '6000.00', spent: '3200.00', available: '90800.00' });
  });
});
