import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { BSN } from '../requests/world';
import { ok } from '../support/expect';
import { U } from '../support/users';

describe('cases (e2e)', () => {
  let t: TestApp;
  let fundId: string;

  beforeAll(async () => {
    t = await startTestApp();
    fundId = await makeFund(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('creates a pseudonymous case with a generated code from the neighbourhood', async () => {
    const res = ok(await t.api('POST', '/api/v1/cases', { as: U.pro, body: { neighbourhood: 'Zuid-Oost', lifeDomains: ['housing', 'income_debts'] } }), 201);
    expect(res.body).toMatchObject({
      neighbourhood: 'Zuid-Oost',
      lifeDomains: ['housing', 'income_debts'],
      status: 'open',
      leadProfessional: { id: t.seeded.users[U.pro].id, name: 'Petra Wijkprofessional' },
      organisation: { name: 'Welzijn Op Maat' },
      members: [],
      totals: { committed: '0.00', spent: '0.00' },
      byFund: [],
      requests: [],
      closedAt: null,
    });
    expect(res.body.code).toMatch(/^ZO-\d{4}-\d{4}$/);
    expect(res.body.code.slice(3, 7)).toBe(String(new Date(res.body.createdAt).getUTCFullYear()));
    const centrum = await makeCase(t, U.pro, { neighbourhood: 'Centrum' });
    expect(centrum.code).toMatch(/^CE-/);
    const blank = await makeCase(t, U.pro, { neighbourhood: '12' });
    expect(blank.code).toMatch(/^CS-/);
  });

  it('accepts a given code once and refuses it a second time with 409', async () => {
    ok(await t.api('POST', '/api/v1/cases', { as: U.pro, body: { code: 'ZO-2026-0007', neighbourhood: 'Zuidoost', lifeDomains: [] } }), 201);
    const again = await t.api('POST', '/api/v1/cases', { as: U.pro, body: { code: 'ZO-2026-0007', neighbourhood: 'Zuidoost', lifeDomains: [] } });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('ZO-2026-0007');
    const bad = await t.api('POST', '/api/v1/cases', { as: U.pro, body: { code: 'Jan Jansen', neighbourhood: 'Zuidoost', lifeDomains: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('code');
  });

  it.each([
    ['a name', { name: 'Jan Jansen' }, 'name'],
    ['a birth date', { birthDate: '1970-01-01' }, 'birthDate'],
    ['a bsn field', { bsn: BSN }, 'bsn'],
    ['a BSN in the neighbourhood', { neighbourhood: `Wijk ${BSN}` }, 'neighbourhood'],
    ['an unknown life domain', { lifeDomains: ['hobbies'] }, 'lifeDomains'],
    ['a missing neighbourhood', { neighbourhood: undefined }, 'neighbourhood'],
  ])('refuses %s with a 400 naming the field', async (_label, patch, field) => {
    const res = await t.api('POST', '/api/v1/cases', { as: U.pro, body: { neighbourhood: 'Noord', lifeDomains: ['housing'], ...patch } });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(field);
  });

  it('gives totals committed and spent across funds, per fund, and the requests of the person', async () => {
    const other = await makeFund(t);
    const c = await makeCase(t);
    const paid = await makeRequest(t, c.id, fundId, { amount: '800.00', payee: 'A' });
    await act(t, paid.id, 'submit', U.pro);
    await act(t, paid.id, 'approve', U.bh);
    await act(t, paid.id, 'pay', U.admin, { reference: 'R1' });
    const committed = await makeRequest(t, c.id, other, { amount: '200.00', payee: 'B' });
    await act(t, committed.id, 'submit', U.pro);
    await makeRequest(t, c.id, other, { amount: '999.00', payee: 'C' });

    const detail = ok(await t.api('GET', `/api/v1/cases/${c.id}`, { as: U.pro })).body;
    expect(detail.totals).toEqual({ committed: '200.00', spent: '800.00' });
    expect(detail.byFund).toHaveLength(2);
    expect(detail.byFund.find((f: { fundId: string }) => f.fundId === fundId)).toMatchObject({ committed: '0.00', spent: '800.00' });
    expect(detail.byFund.find((f: { fundId: string }) => f.fundId === other)).toMatchObject({ committed: '200.00', spent: '0.00' });
    expect(detail.requests.map((r: { status: string; amount: string }) => `${r.status}:${r.amount}`)).toEqual(['draft:999.00', 'approved:200.00', 'paid:800.00']);
    const listed = ok(await t.api('GET', '/api/v1/cases?limit=100', { as: U.pro })).body.items.find((x: { id: string }) => x.id === c.id);
    expect(listed.totals).toEqual({ committed: '200.00', spent: '800.00' });
  });

  it('pages the case list with a cursor and filters on status', async () => {
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const page: { items: { id: string }[]; next: string | null } = ok(await t.api('GET', `/api/v1/cases?limit=2${next ? `&cursor=${next}` : ''}`, { as: U.pro })).body;
      seen.push(...page.items.map((x) => x.id));
      next = page.next;
    } while (next);
    const all = ok(await t.api('GET', '/api/v1/cases?limit=100', { as: U.pro })).body.items.map((x: { id: string }) => x.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await t.api('GET', '/api/v1/cases?limit=0', { as: U.pro })).status).toBe(400);
    expect((await t.api('GET', '/api/v1/cases?limit=abc', { as: U.pro })).body.detail).toContain('limit');
  });

  it('closes a case (lead or admin only), once, after which no new requests can be made', async () => {
    const c = await makeCase(t, U.pro, { memberIds: [t.seeded.users[U.pro2].id] });
    const draft = await makeRequest(t, c.id, fundId, { amount: '20.00' });
    const byMember = await t.api('POST', `/api/v1/cases/${c.id}/close`, { as: U.pro2 });
    expect(byMember.status).toBe(403);
    const closed = ok(await t.api('POST', `/api/v1/cases/${c.id}/close`, { as: U.pro })).body;
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    const again = await t.api('POST', `/api/v1/cases/${c.id}/close`, { as: U.admin });
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('already closed');
    const res = await t.api('POST', '/api/v1/requests', {
      as: U.pro,
      body: { caseId: c.id, fundId, title: 't', justification: 'j', amount: '10.00', payee: 'p', lifeDomain: 'housing', conventionalRoute: [] },
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('closed');
    const submit = await t.api('POST', `/api/v1/requests/${draft.id}/submit`, { as: U.pro });
    expect(submit.status).toBe(409);
    expect(submit.body.detail).toContain('closed');
    expect(ok(await t.api('GET', '/api/v1/cases?status=closed&limit=100', { as: U.pro })).body.items.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it('adds members (lead only) who then see the case', async () => {
    const c = await makeCase(t);
    expect((await t.api('GET', `/api/v1/cases/${c.id}`, { as: U.pro2 })).status).toBe(404);
    const notProfessional = await t.api('POST', `/api/v1/cases/${c.id}/members`, { as: U.pro, body: { userId: t.seeded.users[U.bh].id } });
    expect(notProfessional.status).toBe(400);
    expect(notProfessional.body.detail).toContain('userId');
    ok(await t.api('POST', `/api/v1/cases/${c.id}/members`, { as: U.pro, body: { userId: t.seeded.users[U.pro2].id } }));
    expect(ok(await t.api('GET', `/api/v1/cases/${c.id}`, { as: U.pro2 })).body.members).toHaveLength(1);
  });
});
