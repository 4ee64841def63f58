import { Dec, formatEuro } from '../../src/common/money';
import { startTestApp, TestApp } from '../support/app';
import { buildScenario, download, ok, PdfTools, Scenario, U } from './report-world';

describe('GET /api/v1/requests/:id/justification.pdf', () => {
  let t: TestApp;
  let s: Scenario;
  const pdf = new PdfTools();

  beforeAll(async () => {
    t = await startTestApp();
    s = await buildScenario(t);
  });

  afterAll(async () => {
    pdf.cleanup();
    await t?.close();
  });

  it('is one page with the case code, the approver, the payment and the conventional route with its sources', async () => {
    const res = await download(t, `/api/v1/requests/${s.railPassId}/justification.pdf`, U.bh);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="verantwoording-[a-z0-9-]+-[0-9a-f]{8}\.pdf"$/);
    const file = pdf.save(res.bytes);
    expect(pdf.check(file)).toContain('No syntax or stream encoding errors found');
    expect(pdf.pages(file)).toBe(1);
    const text = pdf.text(file);
    const request = ok(await t.api('GET', `/api/v1/requests/${s.railPassId}`, { as: U.bh })).body;
    expect(text).toContain(s.caseCode);
    expect(text).toContain('Bram Budgethouder'); // approver, in approvals and history
    expect(text).toContain('Petra Wijkprofessional'); // requester
    expect(text).toContain('Anouk Beheer'); // paid by the administrator
    expect(text).toContain('NS-2026-0042');
    expect(text).toContain('Goedkoper en menselijker dan detentie.');
    expect(text).toContain(formatEuro(request.comparison.avoidedCost.central));
    expect(text).toContain(formatEuro(request.comparison.netBenefit));
    expect(text).toMatch(/\[1\] .*DJI/); // the source of the detention day
    expect(text).toContain('Voldoet niet aan de voorwaarden: alleen regionaal');
  });

  it('shows gross and net per line and in total, and says the net figure is the headline', async () => {
    const res = await download(t, `/api/v1/requests/${s.railPassId}/justification.pdf`, U.bh);
    const text = pdf.text(pdf.save(res.bytes));
    const c = ok(await t.api('GET', `/api/v1/requests/${s.railPassId}`, { as: U.bh })).body.comparison;
    for (const line of c.lines) expect(text).toContain(`${formatEuro(line.gross)} ${formatEuro(line.net)}`);
    expect(text).toContain(`Vermeden kosten (centraal) ${formatEuro(c.avoidedCost.central)} ${formatEuro(c.avoidedCostNet.central)}`);
    expect(text).toContain(`Vermeden netto (kopcijfer) ${formatEuro(c.avoidedCostNet.central)}`);
    expect(text).toContain(`Netto baat ${formatEuro(c.netBenefitNet)}`);
    expect(text).toContain(`Bruto (schatting aanvrager) ${formatEuro(c.avoidedCost.central)} (netto baat ${formatEuro(c.netBenefit)})`);
    expect(text).toContain('Netto = bruto × (1 − meeneemeffect 10,0%) × toerekening 80,0%, zoals de stuurgroeprapportage telt');
  });

  it('shows the years and the discounting of a line over several years, on one page', async () => {
    const theCase = ok(await t.api('POST', '/api/v1/cases', { as: U.pro, body: { neighbourhood: 'Zuidoost', lifeDomains: ['housing'] } }), 201).body;
    const created = ok(
      await t.api('POST', '/api/v1/requests', {
        as: U.pro,
        body: {
          caseId: theCase.id, fundId: s.fundId, title: 'Huurschuld aflossen', justification: 'Voorkomt drie jaar opvang.', amount: '2000.00',
          payee: 'Woningcorporatie', lifeDomain: 'housing', urgent: false, barriers: [], existingProvisions: [], residentWish: 'Thuis blijven wonen.',
          conventionalRoute: [{ costItemKey: 'case_meeting', quantity: '4', probability: '0.5', years: 3 }],
        },
      }),
      201,
    ).body;
    ok(await t.api('POST', `/api/v1/requests/${created.id}/submit`, { as: U.pro, body: {} }));
    const res = await download(t, `/api/v1/requests/${created.id}/justification.pdf`, U.bh);
    expect(res.status).toBe(200);
    const file = pdf.save(res.bytes);
    expect(pdf.check(file)).toContain('No syntax or stream encoding errors found');
    expect(pdf.pages(file)).toBe(1);
    const text = pdf.text(file);
    const c = ok(await t.api('GET', `/api/v1/requests/${created.id}`, { as: U.bh })).body.comparison;
    const [line] = c.lines;
    expect([line.yearsCounted, new Dec(line.gross).greaterThan(line.expected)]).toEqual([3, true]);
    expect(text).toContain('Jaren');
    expect(text).toContain(`${formatEuro(line.expected)} ${formatEuro(line.gross)} ${formatEuro(line.net)}`);
    expect(text).toMatch(/discontovoet r = 2,25%/);
  });

  it('may be read by the requester and by an administrator, in English too', async () => {
    expect((await download(t, `/api/v1/requests/${s.railPassId}/justification.pdf`, U.pro)).status).toBe(200);
    const en = await download(t, `/api/v1/requests/${s.pendingId}/justification.pdf?lang=en`, U.admin);
    expect(en.status).toBe(200);
    expect(en.headers.get('content-disposition')).toContain('filename="justification-');
    expect(pdf.text(pdf.save(en.bytes))).toContain('Justification');
  });

  it('says the reasons the system wrote in the language of the report, as the request page does', async () => {
    const words = async (lang: 'nl' | 'en') => {
      const res = await download(t, `/api/v1/requests/${s.railPassId}/justification.pdf?lang=${lang}`, U.bh);
      return pdf.text(pdf.save(res.bytes)).replace(/\s+/g, ' ');
    };
    const [nl, en] = [await words('nl'), await words('en')];
    expect(nl).toMatch(/referentie NS-2026-0042/);
    expect(en).toMatch(/reference NS-2026-0042/);
    expect(en).not.toMatch(/referentie|ingediend/);
  });

  it('answers 403 to the steering group, who see requests only anonymised', async () => {
    const res = await download(t, `/api/v1/requests/${s.railPassId}/justification.pdf`, U.sg);
    expect(res.status).toBe(403);
    expect(res.problem.detail).toContain('anonymised');
  });

  it('answers 404 for an unknown request and for one out of sight', async () => {
    expect((await download(t, '/api/v1/requests/00000000-0000-4000-8000-000000000000/justification.pdf', U.admin)).status).toBe(404);
    // budgethouder2 holds neither fund and works at another organisation
    expect((await download(t, `/api/v1/requests/${s.railPassId}/justification.pdf`, U.bh2)).status).toBe(404);
  });

  it('answers 400 naming the id when it is not a UUID', async () => {
    const res = await download(t, '/api/v1/requests/not-a-uuid/justification.pdf', U.admin);
    expect(res.status).toBe(400);
    expect(res.problem.detail).toContain('id');
  });
});
