import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

/**
 * The request list is one hand-written query with the comparison totals summed in SQL
 * (request-summaries.repository.ts, comparison-totals.ts). Its items must say exactly what the item
 * endpoint says, which builds the full comparison with decimal.js: here for varied data (funds with
 * their own method, lines over several years and beyond the horizon, every confidence level, own
 * shares, no lines at all, approved, partly paid, paid, cancelled, withdrawn and rejected requests,
 * recorded follow-ups, possible duplicates) and for every role.
 */
describe('requests: list items say what the item says (e2e)', () => {
  let t: TestApp;
  const ids: string[] = [];

  const SHARED = [
    'id', 'caseId', 'caseCode', 'fundId', 'fundName', 'requester', 'title', 'amount', 'payee', 'lifeDomain', 'urgent', 'status', 'tier',
    'withinMandate', 'retroactive', 'committed', 'paid', 'submittedAt', 'decisionDue', 'overdue', 'decidedAt', 'followUps',
    'possibleDuplicates', 'createdAt', 'updatedAt',
  ] as const;
  const pick = (o: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
  const totalsOf = (c: Record<string, unknown>) => pick(c, ['priceYear', 'maatwerkCost', 'avoidedCost', 'netBenefit', 'ratio']);

  beforeAll(async () => {
    t = await startTestApp();
    const plain = await makeFund(t, { budget: '50000.00' });
    // a fund with its own method: another discount rate, a horizon of three years, other shares
    const own = ok(
      await t.api('POST', '/api/v1/funds', {
        as: U.admin,
        body: {
          name: `Fonds met eigen methode ${Math.random().toString(36).slice(2, 8)}`,
          periodStart: '2026-01-01',
          periodEnd: '2027-12-31',
          rules: {
            requesterMandate: '250.00', singleApproverLimit: '2500.00', personCapPerYear: '100000.00', urgentDecisionHours: 24, decisionWorkingDays: 5,
            deadweight: '0.2', attribution: '0.5', dropOff: '0.3', discountRate: '0.0437', horizonYears: 3,
          },
          holderIds: [t.seeded.users[U.bh].id, t.seeded.users[U.bh2].id],
        },
      }),
      201,
    ).body.id as string;
    ok(await t.api('POST', `/api/v1/funds/${own}/contributions`, { as: U.admin, body: { organisationId: t.seeded.organisations.gemeente.id, amount: '50000.00', note: 'start' } }), 201);

    const manyYears = [
      { costItemKey: 'detention_day', quantity: '12.5', probability: '0.3333', years: 5 },
      { costItemKey: 'police_hour_agent', quantity: '7', probability: '0.45', years: 2, deadweight: '0.05', attribution: '0.9' },
      { costItemKey: 'seh_visit', quantity: '3', probability: '0.8' },
      { costItemKey: 'gp_consult', quantity: '11', probability: '0.0707', years: 3 },
      { costItemKey: 'shelter_place_year', quantity: '0.25', probability: '0.6' },
    ];
    const submitted = async (fundId: string, patch: Record<string, unknown>, caseId?: string) => {
      const c = caseId ?? (await makeCase(t)).id;
      const r = await makeRequest(t, c, fundId, patch);
      await act(t, r.id, 'submit', U.pro);
      ids.push(r.id);
      return r.id as string;
    };
    await submitted(plain, {});
    await submitted(own, { amount: '1234.56', conventionalRoute: manyYears });
    await submitted(plain, { amount: '987.65', conventionalRoute: manyYears });
    await submitted(own, { amount: '500.00', conventionalRoute: [] });
    await submitted(own, { amount: '3.00', conventionalRoute: [{ costItemKey: 'home_guidance_hour', quantity: '1', probability: '0.0001' }] });

    // approved, then paid in part and the rest released (maatwerk = paid), with a recorded follow-up
    const paid = await submitted(plain, { amount: '1800.00' });
    await act(t, paid, 'approve', U.bh);
    await act(t, paid, 'pay', U.admin, { amount: '400.00', reference: 'F-1', releaseRemainder: true });
    await act(t, paid, 'outcome', U.pro, {
      months: 3, goalReached: 'partly',
      lines: [{ costItemKey: 'detention_day', happened: 'no' }, { costItemKey: 'case_meeting', happened: 'partly', fraction: '0.5' }],
    }, 201);
    // approved and paid in part (maatwerk = paid + still committed)
    const partly = await submitted(own, { amount: '2000.00', conventionalRoute: manyYears });
    await act(t, partly, 'approve', U.bh);
    await act(t, partly, 'pay', U.admin, { amount: '750.00', reference: 'F-2' });
    // approved and cancelled after a payment, rejected, withdrawn
    const cancelled = await submitted(own, { amount: '1500.00', conventionalRoute: manyYears });
    await act(t, cancelled, 'approve', U.bh);
    await act(t, cancelled, 'pay', U.admin, { amount: '100.00', reference: 'F-3' });
    await act(t, cancelled, 'cancel', U.bh, { reason: 'niet meer nodig' });
    const rejected = await submitted(plain, { amount: '600.00' });
    await act(t, rejected, 'reject', U.bh, { reason: 'buiten het doel van het fonds' });
    const withdrawn = await submitted(plain, { amount: '700.00' });
    await act(t, withdrawn, 'withdraw', U.pro, { reason: 'dubbel' });

    // possible duplicates on one case: same payee written differently, amounts within 10 %, one far off
    const c = (await makeCase(t)).id;
    await submitted(plain, { amount: '1000.00', payee: 'NS Reizigers' }, c);
    await submitted(plain, { amount: '950.00', payee: '  ns   reizigers ' }, c);
    await submitted(own, { amount: '1099.99', payee: 'NS REIZIGERS', conventionalRoute: manyYears }, c);
    await submitted(plain, { amount: '2000.00', payee: 'NS Reizigers' }, c);
    // a draft
    ids.push((await makeRequest(t, c, plain, { amount: '10.00' })).id);
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (as: string, query = '') => ok(await t.api('GET', `/api/v1/requests?limit=100${query}`, { as })).body.items as Record<string, any>[];

  it.each([U.admin, U.bh, U.sg, U.pro])('gives %s the totals, duplicates, follow-ups and figures of the item endpoint', async (as) => {
    const items = (await list(as)).filter((i) => ids.includes(i.id));
    expect(items.length).toBeGreaterThan(0);
    if (as === U.admin || as === U.pro) expect(items).toHaveLength(ids.length);
    for (const item of items) {
      const full = ok(await t.api('GET', `/api/v1/requests/${item.id}`, { as })).body;
      expect({ id: item.id, ...pick(item, SHARED) }).toEqual({ id: item.id, ...pick(full, SHARED) });
      expect(item.comparison).toEqual(totalsOf(full.comparison));
    }
    // the data is varied as meant: multi-year lines, several-duplicate hints, a follow-up recorded
    const all = await list(U.admin);
    expect(all.some((i) => i.possibleDuplicates.length >= 2)).toBe(true);
    expect(all.some((i) => i.followUps.some((f: { state: string }) => f.state === 'recorded'))).toBe(true);
    expect(new Set(all.filter((i) => ids.includes(i.id)).map((i) => i.status))).toEqual(
      new Set(['submitted', 'evaluated', 'approved', 'cancelled', 'rejected', 'withdrawn', 'draft']),
    );
  });

  it('gives the full comparison, history and approvals of the item with expand, with the fund\'s own method', async () => {
    for (const as of [U.admin, U.sg]) {
      const items = (await list(as, '&expand=comparison,history,approvals')).filter((i) => ids.includes(i.id));
      for (const item of items) {
        const full = ok(await t.api('GET', `/api/v1/requests/${item.id}`, { as })).body;
        expect(item.comparison).toEqual(full.comparison);
        expect(item.history).toEqual(full.history);
        expect(item.approvals).toEqual(full.approvals);
      }
    }
    // the method is the fund's: a line of five years counts three there
    const own = (await list(U.admin, '&expand=comparison')).find((i) => i.comparison.method.horizonYears === 3 && i.comparison.lines.length === 5);
    expect(own?.comparison.lines[0]).toMatchObject({ years: 5, yearsCounted: 3 });
  });

  it('pages the same items with the cursor in both orders', async () => {
    for (const order of ['newest', 'due']) {
      const whole = (await list(U.admin, `&order=${order}`)).map((i) => i.id);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const body: { items: { id: string }[]; next: string | null } = ok(
          await t.api('GET', `/api/v1/requests?limit=4&order=${order}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { as: U.admin }),
        ).body;
        paged.push(...body.items.map((i) => i.id));
        cursor = body.next;
      } while (cursor);
      expect(paged).toEqual(whole);
    }
  });
});
