import { Dec } from '../../src/common/money';
import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { balances, makeFund } from '../factories/fund.factory';
import { act, makeRequest, requestBody } from '../factories/request.factory';
import { BSN } from './world';
import { ok } from '../support/expect';
import { U } from '../support/users';

/** Bad input is a 400 naming the field (never a 500), and nothing changes. */
describe('requests: bad input, BSN refusal, retroactive spending, duplicates (e2e)', () => {
  let t: TestApp;
  let fundId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    fundId = await makeFund(t);
    caseId = (await makeCase(t)).id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async () => ok(await t.api('GET', `/api/v1/requests?fundId=${fundId}&limit=100`, { as: U.admin })).body.items.length as number;

  it.each([
    ['a JSON number', { amount: 1000 }, 'amount'],
    ['three decimals', { amount: '10.123' }, 'amount'],
    ['a negative amount', { amount: '-5.00' }, 'amount'],
    ['zero', { amount: '0.00' }, 'amount'],
    ['more than a billion', { amount: '1000000000.01' }, 'amount'],
    ['a missing title', { title: undefined }, 'title'],
    ['an empty payee', { payee: '  ' }, 'payee'],
    ['an unknown life domain', { lifeDomain: 'hobbies' }, 'lifeDomain'],
    ['an unknown barrier', { barriers: ['no_such_barrier'] }, 'barriers.0'],
    ['an unknown provision reason', { existingProvisions: [{ provision: 'Wmo', reason: 'lazy' }] }, 'existingProvisions.0.reason'],
    ['an unknown cost item', { conventionalRoute: [{ costItemKey: 'nope', quantity: '1', probability: '1' }] }, 'conventionalRoute.0.costItemKey'],
    ['a probability above 1', { conventionalRoute: [{ costItemKey: 'case_meeting', quantity: '1', probability: '1.5' }] }, 'conventionalRoute.0.probability'],
    ['a numeric quantity', { conventionalRoute: [{ costItemKey: 'case_meeting', quantity: 2, probability: '1' }] }, 'conventionalRoute.0.quantity'],
    ['an unknown field', { name: 'Jan Jansen' }, 'name'],
    ['a malformed caseId', { caseId: 'abc' }, 'caseId'],
    ['a non-boolean urgent', { urgent: 'yes' }, 'urgent'],
  ])('refuses %s with a 400 naming the field', async (_label, patch, field) => {
    const before = await balances(t, fundId);
    const n = await count();
    const res = await t.api('POST', '/api/v1/requests', { as: U.pro, body: requestBody(caseId, fundId, patch) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.detail).toContain(field);
    expect(await count()).toBe(n);
    expect(await balances(t, fundId)).toEqual(before);
  });

  it('refuses a body that is not JSON with a 400', async () => {
    const res = await t.api('POST', '/api/v1/requests', { as: U.pro, body: '{"amount": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
  });

  it.each([
    ['title', { title: `Abonnement voor ${BSN}` }],
    ['justification', { justification: `BSN ${BSN.slice(0, 3)} ${BSN.slice(3, 6)} ${BSN.slice(6)}` }],
    ['payee', { payee: `NS t.a.v. ${BSN}` }],
    ['residentWish', { residentWish: `mijn nummer is ${BSN}` }],
    ['existingProvisions.0.provision', { existingProvisions: [{ provision: `Wmo ${BSN}`, reason: 'other' }] }],
    ['existingProvisions.0.note', { existingProvisions: [{ provision: 'Wmo', reason: 'other', note: BSN }] }],
    ['conventionalRoute.0.note', { conventionalRoute: [{ costItemKey: 'case_meeting', quantity: '1', probability: '1', note: BSN }] }],
  ])('refuses a BSN in %s', async (field, patch) => {
    const res = await t.api('POST', '/api/v1/requests', { as: U.pro, body: requestBody(caseId, fundId, patch) });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(field);
    expect(res.body.detail).toContain('BSN');
  });

  it('accepts a 9-digit number that fails the eleven-test', async () => {
    const r = await makeRequest(t, caseId, fundId, { title: 'Factuur 123456789' });
    expect(r.title).toBe('Factuur 123456789');
  });

  it('refuses a BSN in decisions, edits, outcomes and cases', async () => {
    const r = await makeRequest(t, caseId, fundId, { payee: 'Bsn-test' });
    const patch = await t.api('PATCH', `/api/v1/requests/${r.id}`, { as: U.pro, body: { justification: `zie ${BSN}` } });
    expect(patch.status).toBe(400);
    expect(patch.body.detail).toContain('justification');
    await act(t, r.id, 'submit', U.pro);
    const reject = await t.api('POST', `/api/v1/requests/${r.id}/reject`, { as: U.bh, body: { reason: `persoon ${BSN}` } });
    expect(reject.status).toBe(400);
    expect(reject.body.detail).toContain('reason');
    const info = await t.api('POST', `/api/v1/requests/${r.id}/request-info`, { as: U.bh, body: { question: `is dit ${BSN}?` } });
    expect(info.status).toBe(400);
    expect(info.body.detail).toContain('question');
    const approve = await t.api('POST', `/api/v1/requests/${r.id}/approve`, { as: U.bh, body: { comment: BSN } });
    expect(approve.status).toBe(400);
    expect(approve.body.detail).toContain('comment');
    expect(ok(await t.api('GET', `/api/v1/requests/${r.id}`, { as: U.pro })).body.status).toBe('submitted');
    await act(t, r.id, 'approve', U.bh);
    await act(t, r.id, 'pay', U.admin, { reference: 'B-1' });
    const outcome = await t.api('POST', `/api/v1/requests/${r.id}/outcome`, { as: U.pro, body: { months: 3, goalReached: 'yes', lines: [
      { costItemKey: 'detention_day', happened: 'no' },
      { costItemKey: 'case_meeting', happened: 'no' },
    ], note: BSN } });
    expect(outcome.status).toBe(400);
    expect(outcome.body.detail).toContain('note');
    const kase = await t.api('POST', '/api/v1/cases', { as: U.pro, body: { neighbourhood: `Noord ${BSN}`, lifeDomains: [] } });
    expect(kase.status).toBe(400);
    expect(kase.body.detail).toContain('neighbourhood');
  });

  it('refuses bad pay and outcome input with 400s naming the field, leaving balances alone', async () => {
    const r = await makeRequest(t, caseId, fundId, { payee: 'Paycheck' });
    await act(t, r.id, 'submit', U.pro);
    await act(t, r.id, 'approve', U.bh);
    const before = await balances(t, fundId);
    for (const [body, field] of [
      [{ amount: 100, reference: 'x' }, 'amount'],
      [{ amount: '1.001', reference: 'x' }, 'amount'],
      [{ amount: '-1.00', reference: 'x' }, 'amount'],
      [{ reference: 'x', releaseRemainder: 'yes' }, 'releaseRemainder'],
      [{ reference: '' }, 'reference'],
    ] as const) {
      const res = await t.api('POST', `/api/v1/requests/${r.id}/pay`, { as: U.admin, body });
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain(field);
    }
    expect(await balances(t, fundId)).toEqual(before);
    await act(t, r.id, 'pay', U.admin, { reference: 'ok' });
    for (const [body, field] of [
      [{ months: 4, goalReached: 'yes', lines: [] }, 'months'],
      [{ months: 3, goalReached: 'maybe', lines: [] }, 'goalReached'],
      [{ months: 3, goalReached: 'yes', lines: [{ costItemKey: 'detention_day', happened: 'sometimes' }] }, 'lines.0.happened'],
      [{ months: 3, goalReached: 'yes', lines: [{ costItemKey: 'detention_day', happened: 'partly', fraction: '2' }] }, 'lines.0.fraction'],
    ] as const) {
      const res = await t.api('POST', `/api/v1/requests/${r.id}/outcome`, { as: U.pro, body });
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain(field);
    }
    expect(ok(await t.api('GET', `/api/v1/requests/${r.id}`, { as: U.pro })).body.status).toBe('paid');
  });

  describe('spend first, justify after', () => {
    it('registers an expense within the mandate as approved, reserved and paid at once', async () => {
      const before = await balances(t, fundId);
      const res = await t.api('POST', '/api/v1/requests/retroactive', {
        as: U.pro,
        body: { ...requestBody(caseId, fundId, { amount: '180.00', payee: 'Bouwmarkt' }), reference: 'KASSABON-17' },
      });
      ok(res, 201);
      expect(res.body).toMatchObject({ status: 'paid', retroactive: true, tier: 'requester', withinMandate: true, paid: '180.00', committed: '0.00' });
      expect(res.body.history.map((h: { from: string | null; to: string }) => `${h.from}→${h.to}`)).toEqual(['null→approved', 'approved→paid']);
      expect(res.body.history[1].reason).toContain('KASSABON-17');
      const after = await balances(t, fundId);
      expect(after.spent).toBe(new Dec(before.spent).plus(180).toFixed(2));
      expect(after.committed).toBe(before.committed);
    });

    it('refuses an expense above the mandate with a 422 naming the amount, storing nothing', async () => {
      const before = await balances(t, fundId);
      const n = await count();
      const res = await t.api('POST', '/api/v1/requests/retroactive', {
        as: U.pro,
        body: { ...requestBody(caseId, fundId, { amount: '250.01' }), reference: 'R' },
      });
      expect(res.status).toBe(422);
      expect(res.body.detail).toContain('amount');
      expect(res.body.detail).toContain('€ 250,01');
      expect(res.body.detail).toContain('€ 250,00');
      expect(await count()).toBe(n);
      expect(await balances(t, fundId)).toEqual(before);
    });

    it('requires a reference and the professional role', async () => {
      const noRef = await t.api('POST', '/api/v1/requests/retroactive', { as: U.pro, body: requestBody(caseId, fundId, { amount: '10.00' }) });
      expect(noRef.status).toBe(400);
      expect(noRef.body.detail).toContain('reference');
      const byAdmin = await t.api('POST', '/api/v1/requests/retroactive', { as: U.admin, body: { ...requestBody(caseId, fundId, { amount: '10.00' }), reference: 'x' } });
      expect(byAdmin.status).toBe(403);
    });
  });

  describe('possible duplicates', () => {
    it('flags requests on the same case to the same payee with an amount within 10 %, without blocking', async () => {
      const c = await makeCase(t);
      const first = await makeRequest(t, c.id, fundId, { payee: 'NS Reizigers', amount: '1000.00', title: 'Eerste' });
      const second = await makeRequest(t, c.id, fundId, { payee: '  ns reizigers ', amount: '1080.00', title: 'Tweede' });
      expect(second.possibleDuplicates).toEqual([{ id: first.id, title: 'Eerste', amount: '1000.00', status: 'draft' }]);
      const firstNow = ok(await t.api('GET', `/api/v1/requests/${first.id}`, { as: U.bh })).body;
      expect(firstNow.possibleDuplicates.map((d: { id: string }) => d.id)).toEqual([second.id]);
      // never blocking
      expect((await act(t, second.id, 'submit', U.pro)).status).toBe('submitted');
      expect((await act(t, second.id, 'approve', U.bh)).possibleDuplicates).toHaveLength(1);

      const otherPayee = await makeRequest(t, c.id, fundId, { payee: 'Arriva', amount: '1000.00' });
      expect(otherPayee.possibleDuplicates).toEqual([]);
      const farAmount = await makeRequest(t, c.id, fundId, { payee: 'NS Reizigers', amount: '1500.00' });
      expect(farAmount.possibleDuplicates).toEqual([]);
      const otherCase = await makeRequest(t, (await makeCase(t)).id, fundId, { payee: 'NS Reizigers', amount: '1000.00' });
      expect(otherCase.possibleDuplicates).toEqual([]);
      // a withdrawn request no longer counts
      await act(t, first.id, 'withdraw', U.pro);
      const afterWithdraw = ok(await t.api('GET', `/api/v1/requests/${second.id}`, { as: U.bh })).body;
      expect(afterWithdraw.possibleDuplicates).toEqual([]);
    });
  });
});
