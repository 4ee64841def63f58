import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { requestBody } from '../factories/request.factory';
import { userId } from '../factories/user.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

/** Issue 14.1: every POST that creates something accepts Idempotency-Key, not only money moves. */
describe('idempotent creates (e2e)', () => {
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

  const key = () => `key-${Math.random().toString(36).slice(2)}`;

  async function checkCreate(as: string, path: string, body: Record<string, unknown>, other: Record<string, unknown>, list: string) {
    const k = key();
    const countBefore = ok(await t.api('GET', list, { as: U.admin })).body.items.length as number;
    const first = await t.api('POST', path, { as, body, headers: { 'Idempotency-Key': k } });
    expect(first.status).toBe(201);
    const again = await t.api('POST', path, { as, body, headers: { 'Idempotency-Key': k } });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id ?? again.body.key).toBe(first.body.id ?? first.body.key);
    const conflict = await t.api('POST', path, { as, body: other, headers: { 'Idempotency-Key': k } });
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('content-type')).toContain('application/problem+json');
    expect(conflict.body.detail).toContain('Idempotency-Key');
    expect(ok(await t.api('GET', list, { as: U.admin })).body.items.length).toBe(countBefore + 1);
  }

  it('replays a retried POST /requests and refuses the key with another body', async () => {
    await checkCreate(U.pro, '/api/v1/requests', requestBody(caseId, fundId, { title: 'Eerste' }), requestBody(caseId, fundId, { title: 'Andere' }), `/api/v1/requests?fundId=${fundId}&limit=100`);
  });

  it('replays a retried POST /cases', async () => {
    const body = { neighbourhood: 'Noord', lifeDomains: ['housing'] };
    const k = key();
    const a = ok(await t.api('POST', '/api/v1/cases', { as: U.pro, body, headers: { 'Idempotency-Key': k } }), 201).body;
    const b = ok(await t.api('POST', '/api/v1/cases', { as: U.pro, body, headers: { 'Idempotency-Key': k } }), 201).body;
    expect(b.id).toBe(a.id);
    expect(b.code).toBe(a.code);
    expect((await t.api('POST', '/api/v1/cases', { as: U.pro, body: { ...body, neighbourhood: 'West' }, headers: { 'Idempotency-Key': k } })).status).toBe(409);
  });

  it('replays a retried POST /funds', async () => {
    const holderIds = [await userId(t, U.bh)];
    const fund = (name: string) => ({
      name, periodStart: '2026-01-01', periodEnd: '2026-12-31', holderIds,
      rules: { requesterMandate: '100.00', singleApproverLimit: '1000.00', personCapPerYear: '5000.00', urgentDecisionHours: 24 },
    });
    await checkCreate(U.admin, '/api/v1/funds', fund('Idempotent fonds'), fund('Ander fonds'), '/api/v1/funds?limit=100');
  });

  it('replays a retried POST /users', async () => {
    const organisationId = t.seeded.organisations.gemeente.id;
    const user = (email: string) => ({ email, displayName: 'Nieuw', password: 'een-lang-wachtwoord', organisationId, roles: ['professional'] });
    await checkCreate(U.admin, '/api/v1/users', user('idem@test.local'), user('idem2@test.local'), '/api/v1/users');
  });

  it('replays a retried POST /organisations', async () => {
    await checkCreate(U.admin, '/api/v1/organisations', { name: 'Stichting Idem', kind: 'welfare' }, { name: 'Stichting Anders', kind: 'welfare' }, '/api/v1/organisations');
  });

  it('documents the header on every creating POST in the served OpenAPI document', async () => {
    const doc = ok(await t.api('GET', '/api/v1/openapi.json')).body;
    for (const path of ['/requests', '/cases', '/funds', '/users', '/organisations', '/cost-items', '/funds/{id}/contributions', '/funds/{id}/transfers']) {
      const params = (doc.paths[path].post.parameters ?? []) as { name: string; in: string }[];
      expect(params.some((p) => p.in === 'header' && p.name === 'Idempotency-Key')).toBe(true);
    }
  });
});
