import { U } from '../support/users';
import { randomUUID } from 'node:crypto';
import { startTestApp, TestApp } from '../support/app';

const { admin: ADMIN, bh: HOLDER, bh2: OTHER_HOLDER, pro: PROFESSIONAL } = U;

/**
 * Concurrent HTTP requests only on PostgreSQL: the embedded PGlite socket server interleaves the
 * extended-protocol messages of a connection outside a transaction with another connection's
 * transaction ("unnamed prepared statement does not exist"). The ledger's own concurrency tests
 * (test/ledger/ledger-concurrency.int-spec.ts) run on both engines.
 */

const rules = { requesterMandate: '250.00', singleApproverLimit: '2500.00', personCapPerYear: '10000.00', urgentDecisionHours: 24 };

describe('the funds API', () => {
  let t: TestApp;
  let gemeenteId: string;
  let ggzId: string;

  beforeAll(async () => {
    t = await startTestApp();
    gemeenteId = t.seeded.organisations.gemeente.id;
    ggzId = t.seeded.organisations.ggz.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const createFund = async (extra: Record<string, unknown> = {}) => {
    const res = await t.api('POST', '/api/v1/funds', {
      as: ADMIN,
      body: { name: `Fonds ${randomUUID().slice(0, 8)}`, periodStart: '2026-01-01', periodEnd: '2026-12-31', rules, ...extra },
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string };
  };
  const contribute = (fundId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.api('POST', `/api/v1/funds/${fundId}/contributions`, { as: ADMIN, body, headers });
  const getFund = async (fundId: string) => (await t.api('GET', `/api/v1/funds/${fundId}`, { as: PROFESSIONAL })).body;

  describe('POST /api/v1/funds', () => {
    it('creates a fund with its rules and holders and an empty budget, all money as decimal strings', async () => {
      const holderId = t.seeded.users[HOLDER].id;
      const res = await t.api('POST', '/api/v1/funds', {
        as: ADMIN,
        body: { name: 'Doorbraakfonds Test', periodStart: '2026-01-01', periodEnd: '2026-12-31', rules: { ...rules, decisionWorkingDays: 3 }, holderIds: [holderId] },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: 'Doorbraakfonds Test',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        rules: { requesterMandate: '250.00', singleApproverLimit: '2500.00', personCapPerYear: '10000.00', urgentDecisionHours: 24, decisionWorkingDays: 3 },
        budget: '0.00',
        committed: '0.00',
        spent: '0.00',
        available: '0.00',
        contributions: [],
        holders: [{ id: holderId, displayName: 'Bram Budgethouder' }],
      });
    });

    it('refuses a second fund with the same name with 409', async () => {
      const fund = await createFund();
      const res = await t.api('POST', '/api/v1/funds', { as: ADMIN, body: { name: fund.name, periodStart: '2026-01-01', periodEnd: '2026-12-31', rules } });
      expect(res.status).toBe(409);
    });

    it('refuses an empty or blank name with a 400 naming the field', async () => {
      for (const name of ['', '   ']) {
        const res = await t.api('POST', '/api/v1/funds', { as: ADMIN, body: { name, periodStart: '2026-01-01', periodEnd: '2026-12-31', rules } });
        expect(res.status).toBe(400);
        expect(res.body.errors[0]).toMatchObject({ location: '#/name' });
      }
    });

    it('answers 401 without a login and 403 for a non-admin', async () => {
      const body = { name: 'Niet toegestaan', periodStart: '2026-01-01', periodEnd: '2026-12-31', rules };
      expect((await t.api('POST', '/api/v1/funds', { body })).status).toBe(401);
      expect((await t.api('POST', '/api/v1/funds', { as: HOLDER, body })).status).toBe(403);
    });

    it.each([
      ['periodEnd before periodStart', { periodEnd: '2025-12-31' }, 'periodEnd'],
      ['a requester mandate above the single-approver limit', { rules: { ...rules, requesterMandate: '3000.00' } }, 'rules.requesterMandate'],
      ['money as a JSON number', { rules: { ...rules, personCapPerYear: 10000 } }, 'rules.personCapPerYear'],
      ['money with three decimals', { rules: { ...rules, singleApproverLimit: '2500.001' } }, 'rules.singleApproverLimit'],
      ['a date that does not exist', { periodStart: '2026-02-30' }, 'periodStart'],
      ['an unknown holder', { holderIds: [randomUUID()] }, 'holderIds'],
      ['a missing rules object', { rules: undefined }, 'rules'],
    ])('refuses %s with a 400 naming the field', async (_what, change, field) => {
      const res = await t.api('POST', '/api/v1/funds', {
        as: ADMIN,
        body: { name: `Fout ${randomUUID().slice(0, 8)}`, periodStart: '2026-01-01', periodEnd: '2026-12-31', rules, ...change },
      });
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain(field);
    });
  });

  describe('GET /api/v1/funds and /api/v1/funds/:id', () => {
    it('lists funds page by page for any logged-in user', async () => {
      for (let i = 0; i < 3; i++) await createFund();
      const first = await t.api('GET', '/api/v1/funds?limit=2', { as: PROFESSIONAL });
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.items[0]).toEqual({
        id: expect.any(String), name: expect.any(String), periodStart: '2026-01-01', periodEnd: '2026-12-31',
        budget: expect.stringMatching(/^\d+\.\d{2}$/), committed: expect.any(String), spent: expect.any(String), available: expect.any(String),
      });
      expect(typeof first.body.next).toBe('string');
      const second = await t.api('GET', `/api/v1/funds?limit=2&cursor=${encodeURIComponent(first.body.next)}`, { as: PROFESSIONAL });
      expect(second.status).toBe(200);
      const names = [...first.body.items, ...second.body.items].map((f: { name: string }) => f.name);
      expect(new Set(names).size).toBe(names.length);
      expect((await t.api('GET', '/api/v1/funds', { as: PROFESSIONAL })).body.items.length).toBeGreaterThanOrEqual(names.length);
      expect((await t.api('GET', '/api/v1/funds?cursor=garbage', { as: PROFESSIONAL })).status).toBe(400);
      expect((await t.api('GET', '/api/v1/funds?limit=0', { as: PROFESSIONAL })).status).toBe(400);
      expect((await t.api('GET', '/api/v1/funds')).status).toBe(401);
    });

    it('answers 404 for an unknown fund and 400 for an id that is not a UUID', async () => {
      expect((await t.api('GET', `/api/v1/funds/${randomUUID()}`, { as: PROFESSIONAL })).status).toBe(404);
      const bad = await t.api('GET', '/api/v1/funds/not-a-uuid', { as: PROFESSIONAL });
      expect(bad.status).toBe(400);
      expect(bad.body.detail).toContain('id');
    });
  });

  describe('POST /api/v1/funds/:id/contributions', () => {
    it('adds partner money and answers with the contribution and the new balances', async () => {
      const fund = await createFund();
      const res = await contribute(fund.id, { organisationId: gemeenteId, amount: '6000.00', note: 'Wmo-middelen' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        contribution: {
          id: expect.any(String), fundId: fund.id, organisationId: gemeenteId, organisationName: 'Gemeente Zuidoost', amount: '6000.00',
          note: 'Wmo-middelen', effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), entryId: expect.any(String), createdAt: expect.any(String),
        },
        balances: { budget: '6000.00', committed: '0.00', spent: '0.00', available: '6000.00' },
      });
      await contribute(fund.id, { organisationId: ggzId, amount: '4000.50', note: 'GGZ', effectiveDate: '2026-01-02' });
      expect(await getFund(fund.id)).toMatchObject({
        budget: '10000.50',
        available: '10000.50',
        contributions: [
          { organisationId: gemeenteId, organisationName: 'Gemeente Zuidoost', amount: '6000.00' },
          { organisationId: ggzId, organisationName: 'GGZ-instelling De Brug', amount: '4000.50' },
        ],
      });
    });

    it.each([
      ['a JSON number', 100],
      ['three decimals', '1.005'],
      ['a negative amount', '-5.00'],
      ['zero', '0.00'],
      ['more than 1,000,000,000', '1000000000.01'],
    ])('refuses %s as amount with a 400 naming the field', async (_what, amount) => {
      const fund = await createFund();
      const res = await contribute(fund.id, { organisationId: gemeenteId, amount, note: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain('amount');
      expect(res.body.errors[0]).toMatchObject({ location: '#/amount' });
    });

    it('refuses an unknown organisation naming the field, and an unknown fund with 404', async () => {
      const fund = await createFund();
      const res = await contribute(fund.id, { organisationId: randomUUID(), amount: '1.00' });
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain('organisationId');
      expect((await contribute(randomUUID(), { organisationId: gemeenteId, amount: '1.00' })).status).toBe(404);
    });

    it('is for administrators only', async () => {
      const fund = await createFund();
      const res = await t.api('POST', `/api/v1/funds/${fund.id}/contributions`, { as: HOLDER, body: { organisationId: gemeenteId, amount: '1.00' } });
      expect(res.status).toBe(403);
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response for the same key and body, and books the money once', async () => {
      const fund = await createFund();
      const body = { organisationId: gemeenteId, amount: '500.00', note: 'eenmalig' };
      const first = await contribute(fund.id, body, { 'Idempotency-Key': 'bijdrage-1' });
      const again = await contribute(fund.id, body, { 'Idempotency-Key': 'bijdrage-1' });
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await getFund(fund.id)).toMatchObject({ budget: '500.00' });
    });

    it('answers 409 when a key is used again with another body', async () => {
      const fund = await createFund();
      await contribute(fund.id, { organisationId: gemeenteId, amount: '10.00' }, { 'Idempotency-Key': 'k-mismatch' });
      const res = await contribute(fund.id, { organisationId: gemeenteId, amount: '11.00' }, { 'Idempotency-Key': 'k-mismatch' });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect(await getFund(fund.id)).toMatchObject({ budget: '10.00' });
    });

    it('has one effect when the same key arrives several times at once', async () => {
      const fund = await createFund();
      await t.tokenFor(ADMIN);
      const body = { organisationId: ggzId, amount: '250.00', note: 'gelijktijdig' };
      const results = await Promise.all(Array.from({ length: 6 }, () => contribute(fund.id, body, { 'Idempotency-Key': 'k-concurrent' })));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.body.contribution.id)).size).toBe(1);
      expect(results.filter((r) => r.headers.get('idempotent-replayed') === 'true')).toHaveLength(5);
      expect(await getFund(fund.id)).toMatchObject({ budget: '250.00' });
    });

    it('leaves the key free when the request is refused, so a corrected request can use it', async () => {
      const fund = await createFund();
      const refused = await contribute(fund.id, { organisationId: gemeenteId, amount: '1.005' }, { 'Idempotency-Key': 'k-retry' });
      expect(refused.status).toBe(400);
      const corrected = await contribute(fund.id, { organisationId: gemeenteId, amount: '1.00' }, { 'Idempotency-Key': 'k-retry' });
      expect(corrected.status).toBe(201);
      expect(corrected.headers.get('idempotent-replayed')).toBeNull();
    });

    it('refuses a key longer than 200 characters with a 400 naming the header', async () => {
      const fund = await createFund();
      const res = await contribute(fund.id, { organisationId: gemeenteId, amount: '1.00' }, { 'Idempotency-Key': 'x'.repeat(201) });
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain('Idempotency-Key');
      expect(await getFund(fund.id)).toMatchObject({ budget: '0.00' });
    });
  });

  describe('POST /api/v1/funds/:id/transfers', () => {
    it('moves available money to another fund, once per idempotency key', async () => {
      const from = await createFund();
      const to = await createFund();
      await contribute(from.id, { organisationId: gemeenteId, amount: '1000.00' });
      const body = { toFundId: to.id, amount: '400.00', note: 'herverdeling' };
      const res = await t.api('POST', `/api/v1/funds/${from.id}/transfers`, { as: ADMIN, body, headers: { 'Idempotency-Key': 'transfer-1' } });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        fromFundId: from.id, toFundId: to.id, amount: '400.00', note: 'herverdeling',
        from: { budget: '600.00', available: '600.00' }, to: { budget: '400.00', available: '400.00' },
      });
      const replay = await t.api('POST', `/api/v1/funds/${from.id}/transfers`, { as: ADMIN, body, headers: { 'Idempotency-Key': 'transfer-1' } });
      expect(replay.body).toEqual(res.body);
      expect(await getFund(to.id)).toMatchObject({ budget: '400.00' });
    });

    it('answers 409 with the available amount when the source fund cannot cover it', async () => {
      const from = await createFund();
      const to = await createFund();
      await contribute(from.id, { organisationId: gemeenteId, amount: '200.00' });
      const res = await t.api('POST', `/api/v1/funds/${from.id}/transfers`, { as: ADMIN, body: { toFundId: to.id, amount: '300.00', note: 'te veel' } });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'LEDGER.INSUFFICIENT_FUNDS' });
      expect(res.body.detail).toContain('available 200.00');
    });
  });

  describe('GET /api/v1/funds/:id/entries', () => {
    it('shows the journal with postings to administrators and the fund’s own budget holders, page by page', async () => {
      const fund = await createFund({ holderIds: [t.seeded.users[HOLDER].id] });
      for (const amount of ['1.00', '2.00', '3.00']) await contribute(fund.id, { organisationId: gemeenteId, amount });
      const first = await t.api('GET', `/api/v1/funds/${fund.id}/entries?limit=2`, { as: ADMIN });
      expect(first.status).toBe(200);
      expect(first.body.items.map((e: { kind: string }) => e.kind)).toEqual(['contribution', 'contribution']);
      expect(first.body.items[0].postings).toEqual([
        { account: 'available', amount: '3.00' },
        { account: `contribution:${gemeenteId}`, amount: '-3.00' },
      ]);
      const second = await t.api('GET', `/api/v1/funds/${fund.id}/entries?limit=2&cursor=${first.body.next}`, { as: HOLDER });
      expect(second.status).toBe(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0]).toMatchObject({ chainSeq: '1', prevHash: '0'.repeat(64) });
      expect(second.body.next).toBeNull();
    });

    it('is refused to a budget holder of another fund and to professionals', async () => {
      const fund = await createFund({ holderIds: [t.seeded.users[HOLDER].id] });
      expect((await t.api('GET', `/api/v1/funds/${fund.id}/entries`, { as: OTHER_HOLDER })).status).toBe(403);
      expect((await t.api('GET', `/api/v1/funds/${fund.id}/entries`, { as: PROFESSIONAL })).status).toBe(403);
      expect((await t.api('GET', `/api/v1/funds/${randomUUID()}/entries`, { as: ADMIN })).status).toBe(404);
    });
  });

  describe('GET /api/v1/ledger/verify', () => {
    it('reports an intact ledger to administrators only', async () => {
      const res = await t.api('GET', '/api/v1/ledger/verify', { as: ADMIN });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ ok: true, entries: expect.any(Number) });
      expect(res.body.checks.map((c: { name: string }) => c.name)).toEqual(['entries_balance', 'account_balances', 'fund_budgets', 'transfers_balance', 'hash_chain']);
      expect((await t.api('GET', '/api/v1/ledger/verify', { as: HOLDER })).status).toBe(403);
    });
  });
});
