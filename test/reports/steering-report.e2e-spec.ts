import { Dec, formatEuro } from '../../src/common/money';
import { startTestApp, TestApp } from '../support/app';
import { buildScenario, download, ok, PdfTools, Scenario, U } from './report-world';

const PERIOD = 'from=2026-01-01&to=2026-12-31';

describe('GET /api/v1/reports/steering.pdf on real data', () => {
  let t: TestApp;
  let s: Scenario;
  const pdf = new PdfTools();
  let text: string;
  let file: string;
  let contentType: string | null;
  let disposition: string | null;

  beforeAll(async () => {
    t = await startTestApp();
    s = await buildScenario(t);
    const res = await download(t, `/api/v1/reports/steering.pdf?fundId=${s.fundId}&${PERIOD}`, U.sg);
    if (res.status !== 200) throw new Error(`steering report: ${res.status} ${JSON.stringify(res.problem)}`);
    contentType = res.headers.get('content-type');
    disposition = res.headers.get('content-disposition');
    file = pdf.save(res.bytes);
    text = pdf.text(file);
  });

  afterAll(async () => {
    pdf.cleanup();
    await t?.close();
  });

  it('downloads as application/pdf with a file name', () => {
    expect(contentType).toBe('application/pdf');
    expect(disposition).toBe('attachment; filename="stuurgroeprapportage-doorbraakfonds-zuidoost-rapportagetest-2026-2026-01-01-2026-12-31.pdf"');
  });

  it('is a structurally sound PDF (qpdf --check)', () => {
    expect(pdf.check(file)).toContain('No syntax or stream encoding errors found');
  });

  it('shows the fund figures exactly as GET /api/v1/funds/:id gives them', async () => {
    const fund = ok(await t.api('GET', `/api/v1/funds/${s.fundId}`, { as: U.sg })).body;
    // 40,000 contributed; 3,000 + 150 paid; 1,200 committed
    expect(fund).toMatchObject({ budget: '40000.00', committed: '1200.00', spent: '3150.00', available: '35650.00' });
    for (const key of ['budget', 'committed', 'spent', 'available'] as const) {
      expect(text).toContain(formatEuro(fund[key]));
    }
    for (const c of fund.contributions as { organisationName: string; amount: string }[]) {
      expect(text).toMatch(new RegExp(`${c.organisationName}.*${escape(formatEuro(c.amount))}`));
    }
  });

  it('shows the canonical rail pass with the comparison of GET /api/v1/requests/:id', async () => {
    const request = ok(await t.api('GET', `/api/v1/requests/${s.railPassId}`, { as: U.sg })).body;
    const c = request.comparison;
    expect(c.maatwerkCost).toBe('3000.00');
    // 365 × detention_day × 0.5 + 6 × case_meeting, each line rounded to cents
    const expected = c.lines.map((l: { unitAmount: string; quantity: string; probability: string }) =>
      new Dec(l.unitAmount).times(l.quantity).times(l.probability).toDecimalPlaces(2),
    );
    expect(c.avoidedCost.central).toBe(expected.reduce((a: Dec, b: Dec) => a.plus(b), new Dec(0)).toFixed(2));
    // appendix A: title, life domain, status, maatwerk, avoided (net, central) and ratio on one row
    const row = text.split('\n').find((l) => l.includes('Jaarabonnement NS') && l.includes('Geëvalueerd'));
    expect(row).toBeDefined();
    expect(row).toContain(formatEuro('3000.00'));
    expect(row).toContain(formatEuro(c.avoidedCostNet.central)); // e.g. € 53.534,34
    expect(row).toContain(c.ratioNet.replace('.', ',')); // e.g. 17,84
    // the vignette repeats the net range and the net benefit
    expect(text).toContain(`${formatEuro(c.avoidedCostNet.low)} – ${formatEuro(c.avoidedCostNet.high)}`);
    expect(text).toContain(formatEuro(c.netBenefitNet));
  });

  it('adds up the funded requests exactly as the API does', async () => {
    const ids = [s.railPassId, s.approvedId, s.retroactiveId];
    const views = await Promise.all(ids.map(async (id) => ok(await t.api('GET', `/api/v1/requests/${id}`, { as: U.admin })).body));
    const cost = views.reduce((sum, v) => sum.plus(v.comparison.maatwerkCost), new Dec(0));
    const central = views.reduce((sum, v) => sum.plus(v.comparison.avoidedCostNet.central), new Dec(0));
    const gross = views.reduce((sum, v) => sum.plus(v.comparison.avoidedCost.central), new Dec(0));
    expect(cost.toFixed(2)).toBe('4350.00');
    expect(text).toContain(formatEuro(central));
    expect(text).toContain(formatEuro(central.minus(cost)));
    // the requesters' own (gross) estimate is stated once beside it
    expect(text).toContain(formatEuro(gross));
  });

  it('shows the follow-up of the rail pass: estimated against realised', async () => {
    const request = ok(await t.api('GET', `/api/v1/requests/${s.railPassId}`, { as: U.admin })).body;
    const realised = request.outcomes[0].realised;
    expect(text).toContain(formatEuro(realised.estimated));
    expect(text).toContain(formatEuro(realised.realised));
  });

  it('counts the requests in the period by status, leaving out drafts and other funds', () => {
    const count = (label: string) => Number(new RegExp(`${label} (\\d+)`).exec(text)?.[1]);
    expect(count('Ingediend \\(totaal\\)')).toBe(6);
    expect(count('Afgewezen')).toBe(1);
    expect(count('Ingetrokken')).toBe(1);
    expect(count('Nog in behandeling')).toBe(1);
    expect(count('Spoedaanvragen')).toBe(1);
    expect(text).not.toContain('Nog een concept');
    expect(text).not.toContain('Verzoek in het andere fonds');
  });

  it('lists the catalogue items used with their version and the confidence bands', () => {
    expect(text).toMatch(/\(detention_day, v1\)/);
    expect(text).toMatch(/\(case_meeting, v1\)/);
    expect(text).toContain('± 25%');
    expect(text).toContain('CBS-consumentenprijsindex');
  });

  it('is anonymised: no case code, no requester or approver names, no payee', () => {
    expect(text).not.toContain(s.caseCode);
    expect(text).not.toContain('Petra Wijkprofessional');
    expect(text).not.toContain('Bram Budgethouder');
    expect(text).not.toContain('NS Reizigers');
  });

  it('renders in English with ?lang=en', async () => {
    const res = await download(t, `/api/v1/reports/steering.pdf?fundId=${s.fundId}&${PERIOD}&lang=en`, U.bh);
    expect(res.status).toBe(200);
    const en = pdf.text(pdf.save(res.bytes));
    expect(en).toContain('Steering');
    expect(en).toContain('€ 40,000.00');
  });

  it('covers all funds when no fund is given', async () => {
    const res = await download(t, `/api/v1/reports/steering.pdf?${PERIOD}`, U.admin);
    expect(res.status).toBe(200);
    const all = pdf.text(pdf.save(res.bytes));
    expect(all).toContain(formatEuro('49999.00'));
    expect(all).toContain('Verzoek in het andere fonds');
  });

  it('leaves out requests outside the period', async () => {
    const res = await download(t, `/api/v1/reports/steering.pdf?fundId=${s.fundId}&from=2025-01-01&to=2025-12-31`, U.sg);
    expect(res.status).toBe(200);
    const empty = pdf.text(pdf.save(res.bytes));
    expect(empty).not.toContain('Jaarabonnement NS');
    expect(/Ingediend \(totaal\) (\d+)/.exec(empty)?.[1]).toBe('0');
  });

  it('answers 400 naming `from` for a bad date, and `to` when the period is reversed', async () => {
    const bad = await download(t, `/api/v1/reports/steering.pdf?fundId=${s.fundId}&from=2026-13-01&to=2026-12-31`, U.sg);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.problem.detail).toContain('from');
    expect(bad.problem.errors[0]).toMatchObject({ in: 'query', location: '#/from' });
    const reversed = await download(t, `/api/v1/reports/steering.pdf?fundId=${s.fundId}&from=2026-12-31&to=2026-01-01`, U.sg);
    expect(reversed.status).toBe(400);
    expect(reversed.problem.errors[0]).toMatchObject({ in: 'query', location: '#/to' });
    const lang = await download(t, `/api/v1/reports/steering.pdf?lang=de`, U.sg);
    expect(lang.status).toBe(400);
    expect(lang.problem.detail).toContain('lang');
  });

  it('answers 404 for an unknown fund and 403 for a professional', async () => {
    const unknown = await download(t, `/api/v1/reports/steering.pdf?fundId=00000000-0000-4000-8000-000000000000&${PERIOD}`, U.sg);
    expect(unknown.status).toBe(404);
    const pro = await download(t, `/api/v1/reports/steering.pdf?fundId=${s.fundId}&${PERIOD}`, U.pro);
    expect(pro.status).toBe(403);
  });

  it('is described in the OpenAPI document with its parameters, the version header and its problems', async () => {
    const doc = ok(await t.api('GET', '/api/v1/openapi.json')).body;
    for (const path of ['/reports/steering.pdf', '/requests/{id}/justification.pdf', '/exports/requests.csv', '/exports/ledger-entries.csv']) {
      const op = doc.paths[path]?.get;
      expect(op).toBeDefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404']));
      expect(op.responses['200'].headers['API-Version']).toBeDefined();
    }
    const params = doc.paths['/reports/steering.pdf'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(['fundId', 'from', 'to', 'lang']));
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
