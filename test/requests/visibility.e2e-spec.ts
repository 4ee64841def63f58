import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { makeUser } from '../factories/user.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

/**
 * Who sees what. Out of sight answers 404 (ids do not leak); in sight but not allowed answers 403.
 */
describe('requests and cases: visibility per role (e2e)', () => {
  let t: TestApp;
  let fundA: string; // held by budgethouder and budgethouder2
  let fundB: string; // held by budgethouder only
  let caseOwn: { id: string; code: string };
  let reqA: { id: string };
  let reqB: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    fundA = await makeFund(t);
    fundB = await makeFund(t, { holders: [U.bh] });
    caseOwn = await makeCase(t, U.pro);
    reqA = await makeRequest(t, caseOwn.id, fundA, { payee: 'Geheime Verhuurder BV' });
    reqB = await makeRequest(t, caseOwn.id, fundB, { amount: '900.00' });
    await act(t, reqA.id, 'submit', U.pro);
    await act(t, reqB.id, 'submit', U.pro);
  });
  afterAll(async () => {
    await t?.close();
  });

  const ids = (body: { items: { id: string }[] }) => body.items.map((x) => x.id);

  it('needs a login', async () => {
    expect((await t.api('GET', '/api/v1/requests')).status).toBe(401);
    expect((await t.api('GET', `/api/v1/cases/${caseOwn.id}`)).status).toBe(401);
  });

  it('hides cases and requests of other organisations from a professional (404)', async () => {
    expect((await t.api('GET', `/api/v1/cases/${caseOwn.id}`, { as: U.pro2 })).status).toBe(404);
    expect((await t.api('GET', `/api/v1/requests/${reqA.id}`, { as: U.pro2 })).status).toBe(404);
    expect((await t.api('POST', `/api/v1/requests/${reqA.id}/withdraw`, { as: U.pro2, body: {} })).status).toBe(404);
    expect(ids(ok(await t.api('GET', '/api/v1/requests?limit=100', { as: U.pro2 })).body)).not.toContain(reqA.id);
    expect(ids(ok(await t.api('GET', '/api/v1/cases?limit=100', { as: U.pro2 })).body)).not.toContain(caseOwn.id);
    // and cannot spend on it
    const res = await t.api('POST', '/api/v1/requests', { as: U.pro2, body: { caseId: caseOwn.id, fundId: fundA, title: 't', justification: 'j', amount: '10.00', payee: 'p', lifeDomain: 'housing', conventionalRoute: [] } });
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain('caseId');
  });

  it('shows a case to colleagues of the same organisation and to members', async () => {
    await makeUser(t, 'collega@demo.local', 'welzijn', ['professional']);
    expect(ok(await t.api('GET', `/api/v1/cases/${caseOwn.id}`, { as: 'collega@demo.local' })).body.code).toBe(caseOwn.code);
    expect(ok(await t.api('GET', `/api/v1/requests/${reqA.id}`, { as: 'collega@demo.local' })).body.payee).toBe('Geheime Verhuurder BV');

    const memberCase = await makeCase(t, U.pro, { memberIds: [t.seeded.users[U.pro2].id] });
    const r = await makeRequest(t, memberCase.id, fundA);
    expect(ok(await t.api('GET', `/api/v1/cases/${memberCase.id}`, { as: U.pro2 })).body.members).toEqual([
      { id: t.seeded.users[U.pro2].id, name: 'Karim Wijkprofessional' },
    ]);
    expect(ok(await t.api('GET', `/api/v1/requests/${r.id}`, { as: U.pro2 })).body.caseCode).toBe(memberCase.code);
    // a member may see, but only the requester may submit
    expect((await t.api('POST', `/api/v1/requests/${r.id}/submit`, { as: U.pro2 })).status).toBe(403);
  });

  it('shows a budget holder only requests on funds they hold, and lets them decide only those', async () => {
    const listBh2 = ids(ok(await t.api('GET', '/api/v1/requests?limit=100', { as: U.bh2 })).body);
    expect(listBh2).toContain(reqA.id);
    expect(listBh2).not.toContain(reqB.id);
    expect((await t.api('GET', `/api/v1/requests/${reqB.id}`, { as: U.bh2 })).status).toBe(404);
    expect((await t.api('POST', `/api/v1/requests/${reqB.id}/approve`, { as: U.bh2, body: {} })).status).toBe(404);
    expect((await t.api('POST', `/api/v1/requests/${reqB.id}/reject`, { as: U.bh2, body: { reason: 'nee' } })).status).toBe(404);
    const full = ok(await t.api('GET', `/api/v1/requests/${reqA.id}`, { as: U.bh2 })).body;
    expect(full).toMatchObject({ caseId: caseOwn.id, caseCode: caseOwn.code, payee: 'Geheime Verhuurder BV' });
    // the case behind a request on a held fund is in sight, other cases not
    expect(ok(await t.api('GET', `/api/v1/cases/${caseOwn.id}`, { as: U.bh2 })).body.id).toBe(caseOwn.id);
    const unrelated = await makeCase(t, U.pro2);
    expect((await t.api('GET', `/api/v1/cases/${unrelated.id}`, { as: U.bh2 })).status).toBe(404);
    // budget holders do not create cases or requests
    expect((await t.api('POST', '/api/v1/cases', { as: U.bh, body: { neighbourhood: 'Centrum', lifeDomains: [] } })).status).toBe(403);
  });

  it('shows the steering group every request anonymised, and no cases', async () => {
    const one = ok(await t.api('GET', `/api/v1/requests/${reqA.id}`, { as: U.sg })).body;
    expect(one).toMatchObject({ id: reqA.id, caseId: null, caseCode: null, payee: null, amount: '1000.00' });
    expect(JSON.stringify(one)).not.toContain(caseOwn.code);
    expect(JSON.stringify(one)).not.toContain('Geheime Verhuurder');
    const list = ok(await t.api('GET', '/api/v1/requests?limit=100', { as: U.sg })).body;
    expect(ids(list)).toEqual(expect.arrayContaining([reqA.id, reqB.id]));
    for (const item of list.items) expect(item).toMatchObject({ caseId: null, caseCode: null, payee: null });
    expect((await t.api('GET', `/api/v1/requests?caseId=${caseOwn.id}`, { as: U.sg })).status).toBe(403);
    expect((await t.api('GET', '/api/v1/cases', { as: U.sg })).status).toBe(403);
    expect((await t.api('GET', `/api/v1/cases/${caseOwn.id}`, { as: U.sg })).status).toBe(403);
    // steering group does not reject a single-tier request
    expect((await t.api('POST', `/api/v1/requests/${reqA.id}/reject`, { as: U.sg, body: { reason: 'nee' } })).status).toBe(403);
  });

  it('shows the admin everything, in full', async () => {
    const list = ids(ok(await t.api('GET', '/api/v1/requests?limit=100', { as: U.admin })).body);
    expect(list).toEqual(expect.arrayContaining([reqA.id, reqB.id]));
    expect(ok(await t.api('GET', `/api/v1/requests/${reqB.id}`, { as: U.admin })).body.caseCode).toBe(caseOwn.code);
    expect(ok(await t.api('GET', `/api/v1/cases/${caseOwn.id}`, { as: U.admin })).body.code).toBe(caseOwn.code);
    // but approving needs the budget holder role
    expect((await t.api('POST', `/api/v1/requests/${reqB.id}/approve`, { as: U.admin, body: {} })).status).toBe(403);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = await t.api('GET', '/api/v1/requests/00000000-0000-4000-8000-000000000000', { as: U.admin });
    expect(unknown.status).toBe(404);
    const malformed = await t.api('GET', '/api/v1/requests/not-a-uuid', { as: U.admin });
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toContain('id');
    expect((await t.api('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000000', { as: U.pro })).status).toBe(404);
  });
});
