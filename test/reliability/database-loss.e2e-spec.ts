import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { balances, makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { U } from '../support/users';
import { TcpProxy } from './support/tcp-proxy';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * Losing the database under load (PostgreSQL only: on the embedded default the database lives in
 * the process). Stopping the shared PostgreSQL would hit everyone on the machine, so a second app
 * instance reaches the test database through a TCP proxy that the test cuts: requests must fail
 * fast with a 503 problem, /health must say 503, nothing may be half-written, and the instance must
 * recover by itself when the proxy comes back.
 */
(onPostgres ? describe : describe.skip)('database loss (PostgreSQL, through a TCP proxy)', () => {
  let direct: TestApp;
  let proxied: TestApp;
  let proxy: TcpProxy;

  beforeAll(async () => {
    direct = await startTestApp();
    const url = new URL(direct.db.url);
    proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    await proxy.start();
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    proxied = await startTestApp({ db: { url: url.toString(), engine: 'postgres', drop: async () => undefined } });
  });

  afterAll(async () => {
    await proxy?.restore(); // the proxied instance closes its pool through it
    await proxied?.close();
    await proxy?.stop();
    await direct?.close();
  });

  it('answers 503 fast while the database is gone, writes nothing half, and recovers by itself', async () => {
    const fundId = await makeFund(direct, { budget: '100000.00', rules: { personCapPerYear: '1000000.00' } });
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const kase = await makeCase(direct);
      const r = await makeRequest(direct, kase.id, fundId, { amount: '500.00' });
      await act(direct, r.id, 'submit', U.pro);
      ids.push(r.id);
    }
    await proxied.tokenFor(U.bh);
    await proxied.tokenFor(U.admin);
    expect((await proxied.api('GET', '/health')).status).toBe(200);

    // approvals through the proxied instance, from 4 clients; the proxy is cut after a few
    const outcomes = new Map<string, { status: number; ms: number; type: string | null }>();
    let next = 0;
    let cut = false;
    const worker = async () => {
      while (next < 16) {
        const id = ids[next++];
        const started = Date.now();
        const res = await proxied.api('POST', `/api/v1/requests/${id}/approve`, { as: U.bh, body: {}, headers: { 'Idempotency-Key': `a-${id}` } });
        outcomes.set(id, { status: res.status, ms: Date.now() - started, type: res.headers.get('content-type') });
        if (outcomes.size === 4 && !cut) {
          cut = true;
          await proxy.cut();
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    expect(cut).toBe(true);
    const statuses = [...outcomes.values()].map((o) => o.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(8);
    for (const o of [...outcomes.values()].filter((x) => x.status === 503)) {
      expect(o.type).toMatch(/^application\/problem\+json/);
      expect(o.ms).toBeLessThan(3000);
    }

    // while it is down: more requests and /health fail fast with 503
    for (const path of ['/api/v1/requests?status=submitted', `/api/v1/funds/${fundId}`]) {
      const started = Date.now();
      const res = await proxied.api('GET', path, { as: U.bh });
      expect({ path, status: res.status, problem: res.body?.code }).toEqual({ path, status: 503, problem: 'DATABASE_UNAVAILABLE' });
      expect(Date.now() - started).toBeLessThan(3000);
    }
    const started = Date.now();
    const health = await proxied.api('GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body.database.status).toBe('down');
    expect(Date.now() - started).toBeLessThan(3000);

    // nothing half-written: exactly the acknowledged approvals hold money, and the ledger verifies
    const approved = [...outcomes].filter(([, o]) => o.status === 200).map(([id]) => id);
    for (const id of ids) {
      const r = (await direct.api('GET', `/api/v1/requests/${id}`, { as: U.admin })).body;
      expect({ id, status: r.status, committed: r.committed }).toEqual(
        approved.includes(id) ? { id, status: 'approved', committed: '500.00' } : { id, status: 'submitted', committed: '0.00' },
      );
    }
    await expect(balances(direct, fundId)).resolves.toMatchObject({ committed: (approved.length * 500).toFixed(2) });
    expect((await direct.api('GET', '/api/v1/ledger/verify', { as: U.admin })).body.ok).toBe(true);

    // the proxy comes back: the instance recovers without a restart, and the retries (same keys) go through
    await proxy.restore();
    const deadline = Date.now() + 15_000;
    let up = 0;
    while (Date.now() < deadline && (up = (await proxied.api('GET', '/health')).status) !== 200) await new Promise((r) => setTimeout(r, 200));
    expect(up).toBe(200);
    for (const id of ids.slice(0, 16)) {
      const res = await proxied.api('POST', `/api/v1/requests/${id}/approve`, { as: U.bh, body: {}, headers: { 'Idempotency-Key': `a-${id}` } });
      expect({ id, status: res.status }).toEqual({ id, status: 200 });
    }
    await expect(balances(direct, fundId)).resolves.toMatchObject({ committed: '8000.00', available: '92000.00' });
    expect((await direct.api('GET', '/api/v1/ledger/verify', { as: U.admin })).body.ok).toBe(true);
  });
});
