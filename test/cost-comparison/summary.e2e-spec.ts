import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

const RAIL_PASS = {
  title: 'Jaarabonnement NS in plaats van detentie',
  amount: '3000.00',
  conventionalRoute: [
    { costItemKey: 'detention_day', quantity: '365', probability: '0.5' },
    { costItemKey: 'case_meeting', quantity: '6', probability: '1' },
  ],
};

describe('the aggregated cost comparison (GET /api/v1/cost-comparison/summary)', () => {
  let t: TestApp;
  let fundId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    fundId = await makeFund(t, { rules: { singleApproverLimit: '5000.00' } });
    caseId = (await makeCase(t)).id;
    const rail = await makeRequest(t, caseId, fundId, RAIL_PASS);
    await act(t, rail.id, 'submit', U.pro);
    await act(t, rail.id, 'approve', U.bh, { comment: 'akkoord' });
    // a draft and a rejected request never count
    await makeRequest(t, caseId, fundId, { title: 'Concept', amount: '500.00' });
    const rejected = await makeRequest(t, caseId, fundId, { title: 'Afgewezen', amount: '800.00' });
    await act(t, rejected.id, 'submit', U.pro);
    await act(t, rejected.id, 'reject', U.bh, { reason: 'past niet' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('adds up the canonical rail-pass case per fund with the exact figures of the request', async () => {
    const s = ok(await t.api('GET', `/api/v1/cost-comparison/summary?fundId=${fundId}`, { as: U.bh })).body;
    expect(s.totals).toEqual({
      requests: 1,
      maatwerk: '3000.00',
      avoided: { low: '55764.94', central: '74353.25', high: '92941.56' },
      netBenefit: '71353.25',
      ratio: '24.78',
      avoidedNet: { low: '40150.76', central: '53534.34', high: '66917.93' },
      netBenefitNet: '50534.34',
      ratioNet: '17.84',
    });
    expect(s.byBearer.map((b: { bearer: string; central: string }) => [b.bearer, b.central])).toEqual([
      ['justice', '65353.25'],
      ['municipality', '9000.00'],
    ]);
    expect(s.byKind.fiscal.central).toBe('74353.25');
    expect(s.byKind.societal.central).toBe('0.00');
    expect(s.byLifeDomain).toEqual([expect.objectContaining({ key: 'safety', maatwerk: '3000.00', avoidedCentral: '74353.25' })]);
    expect(s.byCase).toEqual([expect.objectContaining({ key: caseId, requests: 1 })]);
    expect(s.paybackMonths).toBe('0.48');
  });

  it('gives the sensitivity of the net result: scenarios, confidence classes, and no figure without the largest case for one case', async () => {
    const s = ok(await t.api('GET', `/api/v1/cost-comparison/summary?fundId=${fundId}`, { as: U.bh })).body;
    expect(s.sensitivity.scenarios.central).toEqual({ avoidedNet: '53534.34', netBenefit: '50534.34', ratio: '17.84' });
    expect(s.sensitivity.byConfidence.medium).toMatchObject({ central: '53534.34', lines: 2 });
    expect(s.sensitivity.withoutLargestCase).toBeNull();
  });

  it('gives the steering group the same totals without the per-person breakdown', async () => {
    const s = ok(await t.api('GET', `/api/v1/cost-comparison/summary?fundId=${fundId}`, { as: U.sg })).body;
    expect(s.totals.avoided.central).toBe('74353.25');
    expect(s.byCase).toBeUndefined();
    expect((await t.api('GET', `/api/v1/cost-comparison/summary?caseId=${caseId}`, { as: U.sg })).status).toBe(403);
  });

  it('refuses professionals, and a reversed period with a 400 naming the field', async () => {
    expect((await t.api('GET', '/api/v1/cost-comparison/summary', { as: U.pro })).status).toBe(403);
    const bad = await t.api('GET', '/api/v1/cost-comparison/summary?from=2026-12-31&to=2026-01-01', { as: U.admin });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ in: 'query', location: '#/to' });
    const notADate = await t.api('GET', '/api/v1/cost-comparison/summary?from=2026-02-30', { as: U.admin });
    expect(notADate.status).toBe(400);
    expect(notADate.body.detail).toContain('from');
  });

  it('counts nothing outside the period', async () => {
    const s = ok(await t.api('GET', `/api/v1/cost-comparison/summary?fundId=${fundId}&from=2001-01-01&to=2001-12-31`, { as: U.admin })).body;
    expect(s.totals).toMatchObject({ requests: 0, maatwerk: '0.00', ratio: null });
    expect(s.paybackMonths).toBeNull();
  });
});
