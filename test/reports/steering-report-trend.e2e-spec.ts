import { execFileSync } from 'node:child_process';
import { addDays, dutchDate } from '../../src/common/dutch-time';
import { Dec, formatEuro } from '../../src/common/money';
import { makeCase } from '../factories/case.factory';
import { act, makeRequest } from '../factories/request.factory';
import { startTestApp, TestApp } from '../support/app';
import { buildScenario, download, ok, PdfTools, Scenario, U } from './report-world';

/** The rows of the PDF's text that start with a label, runs of spaces folded (PdfTools.text). */
const rowOf = (text: string, label: string) => text.split('\n').map((l) => l.trim()).find((l) => l.startsWith(label));

/**
 * The steering PDF's trend against the previous period of the same length and its calibration
 * table, on real data through the API: the report world plus ten paid requests with a 3-month
 * follow-up, so that one catalogue item and one organisation reach the minimum sample of 10.
 */
describe('steering report: trend and calibration on real data', () => {
  let t: TestApp;
  let s: Scenario;
  const pdf = new PdfTools();
  const followed: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    s = await buildScenario(t);
    for (let i = 0; i < 10; i++) {
      const c = await makeCase(t);
      const r = await makeRequest(t, c.id, s.fundId, {
        title: `Borg voor een kamer ${i + 1}`,
        amount: '300.00',
        conventionalRoute: [{ costItemKey: 'detention_day', quantity: '10', probability: '0.5' }],
      });
      await act(t, r.id, 'submit', U.pro);
      await act(t, r.id, 'approve', U.bh);
      await act(t, r.id, 'pay', U.admin, { reference: `BORG-${i + 1}` });
      // the detention did not happen: twice what a 50 % chance estimated
      await act(t, r.id, 'outcome', U.pro, { months: 3, goalReached: 'yes', lines: [{ costItemKey: 'detention_day', happened: 'no' }] }, 201);
      followed.push(r.id);
    }
  });

  afterAll(async () => {
    pdf.cleanup();
    await t?.close();
  });

  const steering = async (query: string): Promise<string> => {
    const res = await download(t, `/api/v1/reports/steering.pdf?fundId=${s.fundId}&${query}`, U.sg);
    expect(res.status).toBe(200);
    const file = pdf.save(res.bytes);
    expect(pdf.check(file)).toContain('No syntax or stream encoding errors found');
    return pdf.text(file);
  };

  it('sets a period next to the previous one of the same length, with the figures the API gives', async () => {
    // everything above happened today: a period of 29 days from tomorrow has it all in its previous period
    const today = dutchDate(new Date());
    const text = await steering(`from=${addDays(today, 1)}&to=${addDays(today, 29)}`);
    const fund = ok(await t.api('GET', `/api/v1/funds/${s.fundId}`, { as: U.sg })).body;
    const granted = [s.railPassId, s.approvedId, s.retroactiveId, ...followed];
    const views = await Promise.all(granted.map(async (id) => ok(await t.api('GET', `/api/v1/requests/${id}`, { as: U.admin })).body));
    const cost = views.reduce((sum, v) => sum.plus(v.comparison.maatwerkCost), new Dec(0));
    const avoided = views.reduce((sum, v) => sum.plus(v.comparison.avoidedCostNet.central), new Dec(0));
    expect(cost.toFixed(2)).toBe('7350.00');

    expect(text).toContain('Vergeleken met de vorige periode');
    expect(text).toContain('naast de vorige periode van dezelfde lengte');
    expect(rowOf(text, 'Gereserveerd (stand aan het eind)')).toBe(
      `Gereserveerd (stand aan het eind) ${formatEuro(fund.committed)} ${formatEuro(fund.committed)} € 0,00 (0,0%)`,
    );
    expect(rowOf(text, 'Uitgegeven (stand aan het eind)')).toBe(`Uitgegeven (stand aan het eind) ${formatEuro(fund.spent)} ${formatEuro(fund.spent)} € 0,00 (0,0%)`);
    // 6 requests of the report world (no draft, not the other fund's) and the 10 above; nothing yet in the coming period
    expect(rowOf(text, 'Ingediende aanvragen')).toBe('Ingediende aanvragen 0 16 -16 (-100,0%)');
    expect(rowOf(text, 'Toegekende aanvragen')).toBe('Toegekende aanvragen 0 13 -13 (-100,0%)');
    expect(rowOf(text, 'Maatwerkkosten toegekend')).toBe(`Maatwerkkosten toegekend € 0,00 ${formatEuro(cost)} ${formatEuro(cost.negated())} (-100,0%)`);
    expect(rowOf(text, 'Vermeden kosten (netto, centraal)')).toBe(
      `Vermeden kosten (netto, centraal) € 0,00 ${formatEuro(avoided)} ${formatEuro(avoided.negated())} (-100,0%)`,
    );
    // the report world's case and ten cases of one request each
    expect(rowOf(text, 'Unieke personen geholpen')).toBe('Unieke personen geholpen 0 11 -11 (-100,0%)');
    expect(rowOf(text, 'Mediane beslistijd')).toMatch(/^Mediane beslistijd geen gegevens \d+,\d uur –$/);
  });

  it('says "geen gegevens" for a previous period before the fund had anything', async () => {
    const text = await steering('from=2025-01-01&to=2025-12-31');
    expect(text).toMatch(/Over de vorige periode van dezelfde lengte \(1 jan\. 2024 – 31 dec\. 2024\) zijn geen gegevens/);
    expect(rowOf(text, 'Ingediende aanvragen')).toBe('Ingediende aanvragen 0 geen gegevens –');
  });

  it('shows the calibration of the decision page and the summary: factor with n, and "te weinig waarnemingen" below 10', async () => {
    const summary = ok(await t.api('GET', '/api/v1/cost-comparison/summary', { as: U.admin })).body;
    const item = (key: string) => summary.calibration.byItem.find((c: { costItemKey: string }) => c.costItemKey === key);
    // ten requests with detention avoided in full, and the rail pass of the report world
    expect(item('detention_day')).toMatchObject({ sample: 11, factor: '2.00' });
    expect(item('case_meeting')).toMatchObject({ sample: 1, factor: null });
    expect(summary.calibration.byOrganisation).toMatchObject([{ costItemKey: 'detention_day', sample: 11, factor: '2.00' }]);

    const text = await steering('from=2026-01-01&to=2026-12-31');
    expect(text).toContain('Kalibratie: schatting en follow-up per kostenpost');
    const detention = text.split('\n').find((l) => l.includes('Dag detentie') && / 11 2,00 /.test(l));
    expect(detention).toBeDefined();
    expect(text).toMatch(/Casusoverleg met zes professionals 1 te weinig waarnemingen \(n < 10\)/);
    // per requesting organisation: the professional's organisation has all eleven
    expect(text).toMatch(/Per aanvragende organisatie \(vanaf 10 follow-ups\)/);
    expect(text).toMatch(/Welzijn Op Maat 11 2,00/);
  });

  it('stays a tagged PDF with every font embedded', async () => {
    const res = await download(t, `/api/v1/reports/steering.pdf?fundId=${s.fundId}&from=2026-01-01&to=2026-12-31`, U.sg);
    const file = pdf.save(res.bytes);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((r) => !/ yes yes /.test(r))).toEqual([]);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 64 * 2 ** 20 });
    expect(qdf).toContain('/StructTreeRoot');
    expect(qdf).toContain('/MarkInfo');
    expect(qdf).toContain('/Marked true');
  });
});
