import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { balances, makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { makeUser } from '../factories/user.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

/**
 * The approve answer is built from what the step read and wrote, without reading the request
 * again (RequestStepAnswer). It must be exactly the RequestDto that GET /requests/:id gives right
 * after, for every shape a request can have at that moment.
 */
describe('requests: the approve answer is the request as GET shows it (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await makeUser(t, 'bh.antwoord@demo.local', 'ggz', ['budget_holder']);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (id: string, as: string) => ok(await t.api('GET', `/api/v1/requests/${id}`, { as })).body;

  it('single approver, with a comment, possible duplicates and the full comparison', async () => {
    const f = await makeFund(t);
    const c = await makeCase(t);
    const twin = await makeRequest(t, c.id, f, { amount: '1000.00' });
    await act(t, twin.id, 'submit', U.pro);
    const r = await makeRequest(t, c.id, f, { amount: '1000.00' });
    await act(t, r.id, 'submit', U.pro);
    const approved = await act(t, r.id, 'approve', U.bh, { comment: 'Goed onderbouwd' });
    expect(approved).toMatchObject({ status: 'approved', committed: '1000.00' });
    expect(approved.possibleDuplicates.map((d: { id: string }) => d.id)).toEqual([twin.id]);
    expect(approved.comparison.lines).toHaveLength(2);
    expect(approved.history.map((h: { to: string }) => h.to)).toEqual(['draft', 'submitted', 'approved']);
    expect(approved).toEqual(await get(r.id, U.bh));
  });

  it('after a round of questions: the whole history, the edited route and the new state', async () => {
    const f = await makeFund(t);
    const c = await makeCase(t);
    const r = await makeRequest(t, c.id, f, { amount: '900.00', payee: 'Woonwinkel' });
    await act(t, r.id, 'submit', U.pro);
    await act(t, r.id, 'request-info', U.bh, { question: 'Kan het goedkoper?' });
    ok(await t.api('PATCH', `/api/v1/requests/${r.id}`, { as: U.pro, body: { amount: '850.00', conventionalRoute: [{ costItemKey: 'case_meeting', quantity: '2', probability: '1' }] } }));
    await act(t, r.id, 'submit', U.pro);
    const approved = await act(t, r.id, 'approve', U.bh2);
    expect(approved.history.map((h: { to: string }) => h.to)).toEqual(['draft', 'submitted', 'info_requested', 'submitted', 'approved']);
    expect(approved).toEqual(await get(r.id, U.bh2));
  });

  it('two approvals: the first leaves it submitted, the second approves; both answers equal GET', async () => {
    const f = await makeFund(t);
    const c = await makeCase(t);
    const r = await makeRequest(t, c.id, f, { amount: '3000.00' });
    await act(t, r.id, 'submit', U.pro);
    const first = await act(t, r.id, 'approve', U.bh, { comment: 'eerste' });
    expect(first).toMatchObject({ status: 'submitted', committed: '0.00' });
    expect(first).toEqual(await get(r.id, U.bh));
    const second = await act(t, r.id, 'approve', U.bh2, { comment: 'tweede' });
    expect(second).toMatchObject({ status: 'approved', committed: '3000.00' });
    expect(second.approvals.map((a: { comment: string }) => a.comment)).toEqual(['eerste', 'tweede']);
    expect(second).toEqual(await get(r.id, U.bh2));
  });

  it('a steering-group member as second approver gets the anonymised view, as GET gives it to them', async () => {
    const f = await makeFund(t);
    const c = await makeCase(t);
    const r = await makeRequest(t, c.id, f, { amount: '2600.00' });
    await act(t, r.id, 'submit', U.pro);
    await act(t, r.id, 'approve', U.bh);
    const done = await act(t, r.id, 'approve', U.sg, { comment: 'stuurgroep akkoord' });
    expect(done).toMatchObject({ status: 'approved', caseId: null, caseCode: null, payee: null });
    expect(done).toEqual(await get(r.id, U.sg));
  });

  it('with an Idempotency-Key: the stored answer equals GET, and a retry replays it', async () => {
    const f = await makeFund(t, { holders: [U.bh, 'bh.antwoord@demo.local'] });
    const c = await makeCase(t);
    const r = await makeRequest(t, c.id, f, { amount: '700.00' });
    await act(t, r.id, 'submit', U.pro);
    const headers = { 'Idempotency-Key': `answer-${r.id}` };
    const a = await t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: 'bh.antwoord@demo.local', body: {}, headers });
    expect(a.status).toBe(200);
    expect(a.body).toEqual(await get(r.id, 'bh.antwoord@demo.local'));
    const b = await t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: 'bh.antwoord@demo.local', body: {}, headers });
    expect(b.status).toBe(200);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.body).toEqual(a.body);
    expect((await balances(t, f)).committed).toBe('700.00');
  });

  it('a refused approval (insufficient funds) writes nothing: no approval, no event, no money, chain intact', async () => {
    const f = await makeFund(t, { budget: '500.00' });
    const c = await makeCase(t);
    const r = await makeRequest(t, c.id, f, { amount: '600.00' });
    await act(t, r.id, 'submit', U.pro);
    const before = await get(r.id, U.bh);
    const res = await t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: U.bh, body: {} });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('LEDGER.INSUFFICIENT_FUNDS');
    expect(await get(r.id, U.bh)).toEqual(before);
    expect(await balances(t, f)).toMatchObject({ committed: '0.00', available: '500.00' });
    expect(ok(await t.api('GET', '/api/v1/ledger/verify', { as: U.admin })).body.ok).toBe(true);
  });
});
