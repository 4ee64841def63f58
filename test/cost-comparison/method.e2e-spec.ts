import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { requestBody } from '../factories/request.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

/** Gross and net avoided cost over HTTP: the fund's method, the line's own shares and years, and the 400s. */
describe('the comparison method over HTTP (deadweight, attribution, drop-off, discounting)', () => {
  let t: TestApp;
  let fundId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp();
    fundId = await makeFund(t);
    caseId = (await makeCase(t)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const post = (route: unknown[], fund = fundId) =>
    t.api('POST', '/api/v1/requests', { as: U.pro, body: requestBody(caseId, fund, { amount: '3000.00', conventionalRoute: route }) });

  it('keeps avoidedCost gross as before and adds the net figure with the fund defaults', async () => {
    const c = ok(await post([{ costItemKey: 'case_meeting', quantity: '6', probability: '1' }]), 201).body.comparison;
    expect([c.avoidedCost.central, c.avoidedCostNet.central, c.netBenefitNet, c.ratioNet]).toEqual(['9000.00', '6480.00', '3480.00', '2.16']);
    expect(c.method).toEqual({ deadweight: '0.1', attribution: '0.8', dropOff: '0.2', discountRate: '0.0225', horizonYears: 5 });
    expect(c.lines[0]).toMatchObject({ budgetEffect: 'capacity', years: 1, yearsCounted: 1, grossFactor: '1', netFactor: '1', gross: '9000.00', net: '6480.00' });
    expect(c.avoidedNetByBudgetEffect.capacity.central).toBe('6480.00');
  });

  it("discounts a line over its years and takes the line's own shares", async () => {
    const route = [{ costItemKey: 'case_meeting', quantity: '4', probability: '0.5', years: 3, deadweight: '0.25', attribution: '1' }];
    const l = ok(await post(route), 201).body.comparison.lines[0];
    // expected 3000.00; gross 3000.00 × 2.93447; net 3000.00 × 0.75 × 1 × 2.39454
    expect([l.expected, l.grossFactor, l.netFactor, l.gross, l.net, l.defaultShares]).toEqual(['3000.00', '2.93447', '2.39454', '8803.41', '5387.72', false]);
  });

  it("applies a fund's own method and serves it with the fund", async () => {
    const own = await makeFund(t, { rules: { deadweight: '0', attribution: '1', dropOff: '0', discountRate: '0', horizonYears: 2 } as never });
    const fund = ok(await t.api('GET', `/api/v1/funds/${own}`, { as: U.admin })).body;
    expect(fund.rules).toMatchObject({ deadweight: '0', attribution: '1', dropOff: '0', discountRate: '0', horizonYears: 2 });
    const l = ok(await post([{ costItemKey: 'case_meeting', quantity: '1', probability: '1', years: 10 }], own), 201).body.comparison.lines[0];
    expect([l.yearsCounted, l.gross, l.net]).toEqual([2, '3000.00', '3000.00']);
  });

  it.each([
    ['deadweight', '1.5'],
    ['attribution', '-0.1'],
  ])('refuses a line %s of %s with a 400 naming the field', async (field, value) => {
    const res = await post([{ costItemKey: 'case_meeting', quantity: '1', probability: '1', [field]: value }]);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(`conventionalRoute.0.${field}`);
  });

  it('refuses a line of 51 years with a 400 naming the field', async () => {
    const res = await post([{ costItemKey: 'case_meeting', quantity: '1', probability: '1', years: 51 }]);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('conventionalRoute.0.years');
  });

  it.each([
    ['discountRate', '-0.01'],
    ['horizonYears', 51],
    ['deadweight', '2'],
    ['dropOff', '1.01'],
  ])('refuses a fund with rules.%s of %s with a 400 naming the field', async (field, value) => {
    const res = await t.api('POST', '/api/v1/funds', {
      as: U.admin,
      body: {
        name: `Methodefonds ${field}`, periodStart: '2026-01-01', periodEnd: '2026-12-31',
        rules: { requesterMandate: '0.00', singleApproverLimit: '2500.00', personCapPerYear: '10000.00', urgentDecisionHours: 24, [field]: value },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain(`rules.${field}`);
  });

  it('documents the new fields in the served OpenAPI document', async () => {
    const doc = ok(await t.api('GET', '/api/v1/openapi.json')).body;
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas.RouteLineDto.properties)).toEqual(expect.arrayContaining(['years', 'deadweight', 'attribution']));
    expect(Object.keys(schemas.FundRulesDto.properties)).toEqual(expect.arrayContaining(['deadweight', 'attribution', 'dropOff', 'discountRate', 'horizonYears']));
    expect(schemas.FundRulesDto.properties.horizonYears).toMatchObject({ minimum: 1, maximum: 50 });
    expect(Object.keys(schemas.ComparisonDto.properties)).toEqual(expect.arrayContaining(['avoidedCost', 'avoidedCostNet', 'method', 'ratioNet']));
    expect(schemas.CreateCostItemDto.properties.budgetEffect.enum).toEqual(['cash', 'capacity', 'none']);
  });
});
