import { WebSession, csrfToken } from './support/web';
import { startTestApp, TEST_PASSWORD, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { balances, makeFund } from '../factories/fund.factory';
import { requestBody } from '../factories/request.factory';
import { BSN } from '../requests/world';
import { ok } from '../support/expect';
import { U } from '../support/users';

const toScript = (digits: string, zero: number) => [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join('');

/** Issue 14.5 and 14.6: BSN in any spelling, NUL bytes, deep JSON and out-of-range dates are 400s naming the field. */
describe('input hardening: BSN spellings, NUL, JSON depth, date range (e2e)', () => {
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

  function expect400(res: { status: number; body: any; headers: Headers }, field: string) {
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.detail).toContain(field);
  }

  describe('BSN in any form', () => {
    it.each([
      ['dashes', '111-222-333'],
      ['slashes', '111/222/333'],
      ['underscores', '111_222_333'],
      ['a tab', '111\t222\t333'],
      ['several spaces', '111    222  333'],
      ['no-break spaces', '111\u00A0222\u00A0333'],
      ['zero-width spaces', '111\u200B222\u200B333'],
      ['fullwidth digits', toScript(BSN, 0xff10)],
      ['Arabic-Indic digits', toScript(BSN, 0x0660)],
    ])('refuses a BSN written with %s in title, justification and a route note', async (_label, bsn) => {
      const n = await count();
      for (const [field, patch] of [
        ['title', { title: `Abonnement ${bsn}` }],
        ['justification', { justification: `nummer ${bsn} erbij` }],
        ['conventionalRoute.0.note', { conventionalRoute: [{ costItemKey: 'case_meeting', quantity: '1', probability: '1', note: bsn }] }],
      ] as const) {
        expect400(await t.api('POST', '/api/v1/requests', { as: U.pro, body: requestBody(caseId, fundId, patch) }), field);
      }
      expect400(await t.api('POST', '/api/v1/cases', { as: U.pro, body: { neighbourhood: `wijk ${bsn}`, lifeDomains: ['housing'] } }), 'neighbourhood');
      expect(await count()).toBe(n);
    });

    it('refuses a disguised BSN in the web request form, re-rendering it with the field error', async () => {
      const web = new WebSession();
      await web.login(t.baseUrl, U.pro, TEST_PASSWORD);
      const form = await web.get(`${t.baseUrl}/cases/new`);
      expect(form.status).toBe(200);
      const res = await web.post(`${t.baseUrl}/cases`, { _csrf: csrfToken(form.html), neighbourhood: `Zuid ${toScript(BSN, 0xff10)}`, lifeDomains: 'housing' });
      expect(res.status).toBe(422);
      expect(res.html).toContain('BSN');
    });

    it('still accepts ordinary numbers such as a phone number and an amount with a date', async () => {
      const res = await t.api('POST', '/api/v1/requests', { as: U.pro, body: requestBody(caseId, fundId, { justification: 'Bel 06-12345678; € 1.250,00 op 2026-03-01' }) });
      expect(res.status).toBe(201);
    });
  });

  describe('NUL bytes', () => {
    it.each([
      ['POST', '/api/v1/requests', () => requestBody(caseId, fundId, { title: 'Trein\u0000kaart' }), 'title', U.pro],
      ['POST', '/api/v1/requests', () => requestBody(caseId, fundId, { conventionalRoute: [{ costItemKey: 'case\u0000', quantity: '1', probability: '1' }] }), 'conventionalRoute.0.costItemKey', U.pro],
      ['POST', '/api/v1/cases', () => ({ neighbourhood: 'Zuid\u0000', lifeDomains: ['housing'] }), 'neighbourhood', U.pro],
      ['POST', '/api/v1/auth/token', () => ({ email: 'admin@demo.local\u0000', password: 'x' }), 'email', undefined],
      ['POST', '/api/v1/organisations', () => ({ name: '\u0000', kind: 'welfare' }), 'name', U.admin],
    ])('refuses a NUL in %s %s with a 400 naming the field', async (method, path, body, field, as) => {
      const n = await count();
      expect400(await t.api(method, path, { as, body: body() }), field);
      expect(await count()).toBe(n);
    });

    it('refuses a NUL in a query parameter and in a path parameter', async () => {
      expect400(await t.api('GET', '/api/v1/funds?cursor=ab%00cd', { as: U.admin }), 'cursor');
      expect400(await t.api('PATCH', '/api/v1/cost-items/case%00meeting', { as: U.admin, body: { amount: '10.00' } }), 'key');
    });
  });

  describe('JSON depth', () => {
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

    it('refuses a body nested far deeper than 64 levels with a 400 before parsing it', async () => {
      const body = `{"title": "x", "barriers": ${nested(40000)}}`;
      const res = await t.api('POST', '/api/v1/requests', { as: U.pro, body, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BODY_TOO_DEEP');
      expect(res.body.detail).toContain('64');
    });

    it('draws the line at 64 levels: 65 is refused, 64 gets ordinary field validation', async () => {
      const deep = await t.api('POST', '/api/v1/requests', { as: U.pro, body: `{"barriers": ${nested(64)}}`, headers: { 'content-type': 'application/json' } });
      expect(deep.body.code).toBe('BODY_TOO_DEEP');
      const ok64 = await t.api('POST', '/api/v1/requests', { as: U.pro, body: JSON.stringify({ ...requestBody(caseId, fundId), barriers: JSON.parse(nested(63)) }) });
      expect(ok64.status).toBe(400);
      expect(ok64.body.code).toBe('VALIDATION');
      expect(ok64.body.detail).toContain('barriers');
    });

    it('does not count brackets inside strings', async () => {
      const res = await t.api('POST', '/api/v1/requests', { as: U.pro, body: requestBody(caseId, fundId, { justification: '['.repeat(500) }) });
      expect(res.status).toBe(201);
    });
  });

  describe('dates outside 1900..2200', () => {
    it.each([
      ['periodStart', '1899-12-31'],
      ['periodEnd', '2201-01-01'],
      ['periodStart', '0001-01-01'],
      ['periodEnd', '9999-12-31'],
    ])('refuses %s %s when creating a fund', async (field, value) => {
      const before = ok(await t.api('GET', '/api/v1/funds?limit=200', { as: U.admin })).body.items.length;
      const body = {
        name: `Fonds ${value}`, periodStart: '2026-01-01', periodEnd: '2026-12-31', holderIds: [t.seeded.users[U.bh].id],
        rules: { requesterMandate: '100.00', singleApproverLimit: '1000.00', personCapPerYear: '5000.00', urgentDecisionHours: 24 }, [field]: value,
      };
      expect400(await t.api('POST', '/api/v1/funds', { as: U.admin, body }), field);
      expect(ok(await t.api('GET', '/api/v1/funds?limit=200', { as: U.admin })).body.items.length).toBe(before);
    });

    it.each([
      ['/api/v1/reports/steering.pdf?from=1800-01-01', 'from'],
      ['/api/v1/reports/steering.pdf?to=2300-01-01', 'to'],
      ['/api/v1/cost-comparison/summary?from=1899-01-01', 'from'],
    ])('refuses %s with a 400 naming the field', async (path, field) => {
      expect400(await t.api('GET', path, { as: U.admin }), field);
    });

    it('refuses an out-of-range contribution date and moves no money', async () => {
      const before = await balances(t, fundId);
      const body = { organisationId: t.seeded.organisations.gemeente.id, amount: '10.00', note: 'x', effectiveDate: '1850-06-01' };
      expect400(await t.api('POST', `/api/v1/funds/${fundId}/contributions`, { as: U.admin, body }), 'effectiveDate');
      expect(await balances(t, fundId)).toEqual(before);
    });
  });
});
