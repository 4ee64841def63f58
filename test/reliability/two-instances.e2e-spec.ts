import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { balances, makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { U } from '../support/users';
import { csrfToken, WebSession } from './support/web';

/**
 * Two app instances on one database, as behind a load balancer: the fund lock, idempotency keys
 * and sessions live in the database, so it must not matter which instance a request reaches.
 */
describe('two instances, one database', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ db: a.db });
  });

  afterAll(async () => {
    await b?.close();
    await a?.close(); // drops the database
  });

  async function submitted(n: number, fundId: string, amount: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const kase = await makeCase(a);
      const r = await makeRequest(a, kase.id, fundId, { amount });
      await act(a, r.id, 'submit', U.pro);
      ids.push(r.id);
    }
    return ids;
  }

  it('never overspends when approvals are spread over both instances', async () => {
    const fundId = await makeFund(a, { budget: '10000.00', rules: { personCapPerYear: '1000000.00', singleApproverLimit: '5000.00' } });
    const ids = await submitted(30, fundId, '1000.00');
    const results = await Promise.all(
      ids.map((id, i) => (i % 2 ? b : a).api('POST', `/api/v1/requests/${id}/approve`, { as: i % 4 < 2 ? U.bh : U.bh2, body: {} })),
    );
    const tally: Record<string, number> = {};
    for (const r of results) tally[r.status] = (tally[r.status] ?? 0) + 1;
    expect(tally).toEqual({ 200: 10, 409: 20 });
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.detail).toMatch(/\S/);
    await expect(balances(b, fundId)).resolves.toEqual({ available: '0.00', committed: '10000.00', spent: '0.00', budget: '10000.00' });
    const verify = await b.api('GET', '/api/v1/ledger/verify', { as: U.admin });
    expect(verify.body.ok).toBe(true);
  });

  it('holds an Idempotency-Key across instances: one effect, the same answer on both', async () => {
    const fundId = await makeFund(a, { budget: '5000.00' });
    const [id] = await submitted(1, fundId, '700.00');
    const key = `approve-${id}`;
    const send = (t: TestApp) => t.api('POST', `/api/v1/requests/${id}/approve`, { as: U.bh, body: { comment: 'akkoord' }, headers: { 'Idempotency-Key': key } });
    const [ra, rb] = await Promise.all([send(a), send(b)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    expect([ra.headers.get('idempotent-replayed'), rb.headers.get('idempotent-replayed')].sort()).toEqual([null, 'true']);
    expect(rb.body).toEqual(ra.body);
    await expect(balances(a, fundId)).resolves.toMatchObject({ committed: '700.00', available: '4300.00' });
    // later, on either instance: replayed, nothing more moves
    const later = await send(b);
    expect(later.status).toBe(200);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    // the same key with another body is refused, also on the other instance
    const other = await a.api('POST', `/api/v1/requests/${id}/approve`, { as: U.bh, body: { comment: 'iets anders' }, headers: { 'Idempotency-Key': key } });
    expect(other.status).toBe(409);
    expect(other.headers.get('content-type')).toMatch(/application\/problem\+json/);
    await expect(balances(b, fundId)).resolves.toMatchObject({ committed: '700.00', available: '4300.00' });
  });

  it('keeps a web session made on one instance working on the other, logout included', async () => {
    const web = new WebSession();
    await web.login(a.baseUrl, U.bh, TEST_PASSWORD);
    const onB = await web.get(`${b.baseUrl}/queue`);
    expect(onB.status).toBe(200);
    expect(onB.html).toContain('Bram Budgethouder');
    // a form rendered by B, posted to A (CSRF token bound to the shared session)
    const loggedOut = await web.post(`${a.baseUrl}/logout`, { _csrf: csrfToken(onB.html) });
    expect(loggedOut.status).toBe(303);
    const afterwards = await web.get(`${b.baseUrl}/queue`);
    expect(afterwards.status).toBe(303);
    expect(afterwards.location).toMatch(/^\/login/);
  });
});
