import { startTestApp, TestApp } from '../support/app';
import { makeCase } from '../factories/case.factory';
import { makeFund } from '../factories/fund.factory';
import { act, makeRequest } from '../factories/request.factory';
import { ok } from '../support/expect';
import { U } from '../support/users';

describe('requests: list items are summaries, expand adds comparison and history (e2e)', () => {
  let t: TestApp;
  let fundId: string;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    fundId = await makeFund(t);
    const c = await makeCase(t);
    id = (await makeRequest(t, c.id, fundId)).id;
    await act(t, id, 'submit', U.pro);
  });
  afterAll(async () => {
    await t?.close();
  });

  const itemOf = async (query: string, as: string = U.bh) => {
    const page = ok(await t.api('GET', `/api/v1/requests?fundId=${fundId}${query}`, { as })).body;
    return page.items.find((x: { id: string }) => x.id === id);
  };

  it('lists summaries: state, figures, case code and comparison totals, no lines, history or approvals', async () => {
    const full = ok(await t.api('GET', `/api/v1/requests/${id}`, { as: U.bh })).body;
    const item = await itemOf('');
    expect(item).toMatchObject({
      id,
      status: 'submitted',
      amount: '1000.00',
      title: 'Jaarabonnement trein',
      caseCode: full.caseCode,
      decisionDue: full.decisionDue,
      fundName: full.fundName,
      requester: full.requester,
    });
    expect(item.comparison).toEqual({
      priceYear: full.comparison.priceYear,
      maatwerkCost: full.comparison.maatwerkCost,
      avoidedCost: full.comparison.avoidedCost,
      netBenefit: full.comparison.netBenefit,
      ratio: full.comparison.ratio,
    });
    for (const heavy of ['history', 'approvals', 'outcomes', 'justification']) expect(item).not.toHaveProperty(heavy);
    // the item still carries its full comparison lines and history
    expect(full.comparison.lines).toHaveLength(2);
    expect(full.history.length).toBeGreaterThan(0);
  });

  it('expands the full comparison and the history on request', async () => {
    const full = ok(await t.api('GET', `/api/v1/requests/${id}`, { as: U.bh })).body;
    const both = await itemOf('&expand=comparison,history');
    expect(both.comparison).toEqual(full.comparison);
    expect(both.history).toEqual(full.history);
    const history = await itemOf('&expand=history');
    expect(history.history).toEqual(full.history);
    expect(history.comparison).not.toHaveProperty('lines');
    const comparison = await itemOf('&expand=comparison');
    expect(comparison.comparison.lines).toEqual(full.comparison.lines);
    expect(comparison).not.toHaveProperty('history');
    const approvals = await itemOf('&expand=approvals');
    expect(approvals.approvals).toEqual([]);
    expect(approvals).not.toHaveProperty('history');
    const repeated = await itemOf('&expand=comparison&expand=history');
    expect(repeated.history).toEqual(full.history);
  });

  it('keeps the steering group anonymised in expanded items', async () => {
    const item = await itemOf('&expand=comparison,history', U.sg);
    expect(item).toMatchObject({ caseId: null, caseCode: null, payee: null });
    expect(item.history.length).toBeGreaterThan(0);
  });

  it('refuses an unknown expansion with a 400 that names expand', async () => {
    for (const q of ['expand=lines', 'expand=comparison,bogus', 'expand[a]=b']) {
      const res = await t.api('GET', `/api/v1/requests?${q}`, { as: U.bh });
      expect(res.status).toBe(400);
      expect(res.body.detail).toContain('expand');
    }
  });

  it('describes summaries and expand in the OpenAPI document', async () => {
    const doc = ok(await t.api('GET', '/api/v1/openapi.json')).body;
    const list = doc.paths['/requests'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toContain('expand');
    const schemas = doc.components.schemas;
    expect(schemas.RequestPageDto.properties.items.items.$ref).toBe('#/components/schemas/RequestSummaryDto');
    expect(schemas.RequestSummaryDto.required).not.toContain('approvals'); // only with expand=approvals
    expect(schemas.RequestSummaryDto.properties.comparison.allOf?.[0]?.$ref ?? schemas.RequestSummaryDto.properties.comparison.$ref).toBe(
      '#/components/schemas/ComparisonTotalsDto',
    );
  });
});
