import type { SteeringReportData } from '../report-data.types';
import { steeringFixture } from '../../../test/reports/fixtures/report-fixtures';
import type { SteeringReportModel } from '../report-model.types';
import { buildSteeringReportModel } from './steering-report.model';

/** Build as a promise so that a throwing builder fails the test as a rejection. */
const built = (data: SteeringReportData = steeringFixture()): Promise<SteeringReportModel> =>
  Promise.resolve().then(() => buildSteeringReportModel(data));

const figure = (m: { figures: { label: string; value: string }[] }, label: string) =>
  m.figures.find((f) => f.label === label)?.value;

describe('buildSteeringReportModel', () => {
  it('formats the cover with period, price year and Amsterdam generation time', async () => {
    await expect(built().then((m) => m.cover.facts)).resolves.toEqual([
      { label: 'Fonds', value: 'Doorbraakfonds Utrecht Noordwest 2026' },
      { label: 'Periode', value: '1 jan. 2026 – 22 nov. 2026 (stand per 22 nov. 2026; de periode loopt nog)' },
      { label: 'Prijspeil', value: '2026' },
      { label: 'Gegenereerd', value: '22 nov. 2026 14:05' },
    ]);
  });

  it('sets document metadata in Dutch with the running header and footer texts', async () => {
    await expect(built().then((m) => m.meta)).resolves.toEqual({
      title: 'Stuurgroeprapportage Doorbraakbudget – Doorbraakfonds Utrecht Noordwest 2026',
      subject: 'Kosten en baten van maatwerkuitgaven, 1 jan. 2026 – 22 nov. 2026',
      author: 'Doorbraakbudget',
      lang: 'nl-NL',
      headerTitle: 'Stuurgroeprapportage Doorbraakbudget',
      headerFund: 'Doorbraakfonds Utrecht Noordwest 2026 · 1 jan. 2026 – 22 nov. 2026',
      footerLeft: 'Doorbraakbudget · gegenereerd 22 nov. 2026 14:05',
      pageOf: 'Pagina {page} van {pages}',
    });
  });

  it('sums the fund figures and computes the spending rate', async () => {
    await expect(built().then((m) => m.keyFigures.figures.map((f) => [f.label, f.value]))).resolves.toEqual([
      ['Budget (bijdragen)', '€ 50.000,00'],
      ['Gereserveerd', '€ 10.350,00'],
      ['Uitgegeven', '€ 5.750,00'],
      ['Beschikbaar', '€ 33.900,00'],
      ['Bestedingsgraad', '32,2%'],
      ['Verstreken looptijd', '89,2%'],
    ]);
  });

  it('shows the balances at the end of a past period, not today\'s, and says "stand per"', async () => {
    const data = steeringFixture();
    data.period = { from: '2026-01-01', to: '2026-06-30' };
    data.burnDown = [
      { date: '2026-03-31', committed: '1000.00', spent: '500.00', available: '48500.00' },
      { date: '2026-06-30', committed: '2000.00', spent: '3000.00', available: '45000.00' },
    ];
    await expect(built(data).then((m) => [m.keyFigures.asOf, ...m.keyFigures.figures.slice(0, 4).map((f) => f.value)])).resolves.toEqual([
      'Stand per 30 jun. 2026', '€ 50.000,00', '€ 2.000,00', '€ 3.000,00', '€ 45.000,00',
    ]);
  });

  it('compares the funds side by side when the report covers several, and not for one', async () => {
    const data = steeringFixture();
    const first = data.funds[0];
    data.funds = [first, { ...first, id: 'fund-2', name: 'Tweede fonds', budget: '1000.00', spent: '0.00', contributions: [] }];
    data.requests = data.requests.map((r) => ({ ...r, fundId: first.id }));
    await expect(built(data).then((m) => m.keyFigures.funds?.rows.map((r) => [r[0], r[3], r[5]]))).resolves.toEqual([
      ['Doorbraakfonds Utrecht Noordwest 2026', '5', '€ 3,17'],
      ['Tweede fonds', '0', '–'],
    ]);
    await expect(built().then((m) => m.keyFigures.funds)).resolves.toBeNull();
  });

  it('says "stand per" today for a running period', async () => {
    await expect(built().then((m) => m.keyFigures.asOf)).resolves.toBe('Stand per 22 nov. 2026');
  });

  it('flags underspend when the spending rate lags the elapsed period by more than 25 points', async () => {
    await expect(built().then((m) => m.keyFigures.pace)).resolves.toEqual({
      underspend: true,
      text: 'Onderbesteding: de bestedingsgraad (32,2%) blijft meer dan 25 procentpunt achter bij het verstreken deel van de looptijd (89,2%).',
    });
  });

  it('does not flag underspend while the spending rate keeps up with the period', async () => {
    const data = { ...steeringFixture(), generatedAt: new Date('2026-05-01T10:00:00Z') };
    await expect(built(data).then((m) => [m.keyFigures.pace.underspend, figure(m.keyFigures, 'Verstreken looptijd')])).resolves.toEqual([
      false,
      '33,0%',
    ]);
  });

  it('lists contributions per partner, largest first, with shares and a total', async () => {
    await expect(built().then((m) => [m.keyFigures.contributions.rows, m.keyFigures.contributions.totalRow])).resolves.toEqual([
      [
        ['Gemeente Utrecht', 'Gemeente', '€ 25.000,00', '50,0%'],
        ['Zilveren Kruis', 'Zorgverzekeraar', '€ 10.000,00', '20,0%'],
        ['Altrecht GGZ', 'Zorgaanbieder', '€ 5.000,00', '10,0%'],
        ['Mitros', 'Woningcorporatie', '€ 5.000,00', '10,0%'],
        ['Politie Midden-Nederland', 'Politie', '€ 5.000,00', '10,0%'],
      ],
      ['Totaal', '', '€ 50.000,00', '100,0%'],
    ]);
  });

  it('counts requests by outcome, leaving drafts out', async () => {
    const data = steeringFixture();
    data.requests.push({ ...data.requests[0], id: 'r-draft', status: 'draft' });
    await expect(built(data).then((m) => m.requests.counts.rows)).resolves.toEqual([
      ['Ingediend (totaal)', '10'],
      ['Toegekend (goedgekeurd, betaald of geëvalueerd)', '5'],
      ['Afgewezen', '1'],
      ['Ingetrokken', '2'],
      ['Geannuleerd', '1'],
      ['Nog in behandeling', '1'],
      ['Opgelost zonder geld', '1'],
      ['Achteraf verantwoord (eigen mandaat)', '2'],
      ['Spoedaanvragen', '2'],
      // fixtures without a case key count every granted request as its own person
      ['Unieke personen (casussen) met toegekende aanvragen', '5'],
    ]);
  });

  it('counts a person with two granted requests once, per neighbourhood', async () => {
    const data = steeringFixture();
    data.requests = data.requests.map((r, i) => ({ ...r, caseKey: i < 2 ? 'case-a' : `case-${i}`, neighbourhood: i < 2 || i % 2 === 0 ? 'Zuilen' : 'Overvecht' }));
    await expect(built(data).then((m) => [m.requests.counts.rows.at(-1), m.requests.neighbourhoods.rows])).resolves.toEqual([
      ['Unieke personen (casussen) met toegekende aanvragen', '4'],
      [
        ['Zuilen', '3', '4'],
        ['Overvecht', '1', '1'],
      ],
    ]);
  });

  it('counts requests and granted amounts per mandate tier', async () => {
    await expect(built().then((m) => m.requests.tiers.rows)).resolves.toEqual([
      ['Eigen mandaat professional', '2', '€ 1.200,00'],
      ['Eén budgethouder', '7', '€ 5.400,00'],
      ['Twee goedkeurders', '1', '€ 9.500,00'],
    ]);
  });

  it('reports median and p90 decision time over budget-holder decisions', async () => {
    await expect(built().then((m) => m.speed.figures.map((f) => [f.value, f.note ?? '']))).resolves.toEqual([
      ['24,0 uur', '5 besluiten'],
      ['102,0 uur (4,3 dagen)', ''],
      ['50,0%', '1 van 2'],
      ['1', ''],
    ]);
  });

  it('buckets decision times into the histogram classes', async () => {
    await expect(built().then((m) => m.speed.histogram.buckets.map((b) => `${b.label}: ${b.countLabel}`))).resolves.toEqual([
      '< 4 uur: 0',
      '4–24 uur: 2',
      '1–3 dagen: 1',
      '3–7 dagen: 2',
      '> 7 dagen: 0',
    ]);
  });

  it('lists undecided requests past their decision deadline', async () => {
    await expect(built().then((m) => m.speed.overdue.rows)).resolves.toEqual([
      ['Taxi naar de GGZ-intake (spoed)', 'Buurtteam Overvecht', '21 nov. 2026 09:00', '29,1 uur'],
    ]);
  });

  it('does not count a request as late while a question is out to the requester, as the API does not', async () => {
    const data = steeringFixture();
    data.requests = data.requests.map((r) => (r.title === 'Taxi naar de GGZ-intake (spoed)' ? { ...r, status: 'info_requested' } : r));
    const m = await built(data);
    expect(m.speed.overdue.rows).toEqual([]);
    expect(m.speed.figures[3].value).toBe('0');
  });

  it('totals spending per life domain from paid, else committed amounts', async () => {
    await expect(built().then((m) => [m.spending.byLifeDomain.rows, m.spending.byLifeDomain.totalRow])).resolves.toEqual([
      [
        ['Wonen', '2', '€ 10.350,00', '64,3%'],
        ['Veiligheid', '1', '€ 3.000,00', '18,6%'],
        ['Inkomen en schulden', '1', '€ 2.400,00', '14,9%'],
        ['Dagbesteding', '1', '€ 350,00', '2,2%'],
      ],
      ['Totaal', '5', '€ 16.100,00', '100,0%'],
    ]);
  });

  it('takes the paid amount as maatwerk cost when less than requested was paid', async () => {
    const data = steeringFixture();
    data.requests[0] = { ...data.requests[0], paidAmount: '2750.00' };
    await expect(built(data).then((m) => m.appendix.table.rows[0].slice(3))).resolves.toEqual([
      '€ 2.750,00',
      '€ 33.066,84',
      '12,02',
    ]);
  });

  it('compares maatwerk spending with the avoided cost of the conventional route', async () => {
    await expect(built().then((m) => m.comparison.figures.map((f) => [f.label, f.value, f.note ?? '']))).resolves.toEqual([
      ['Maatwerkuitgaven', '€ 16.100,00', ''],
      // net of deadweight 10 % and attribution 80 %: 70.910,24 gross, line by line × 0,72
      ['Vermeden kosten (netto, centraal)', '€ 51.055,38', 'Schatting aanvragers (bruto): € 70.910,24'],
      ['Bandbreedte vermeden kosten', '€ 37.006,42 – € 65.104,36', ''],
      ['Vermeden per uitgegeven euro', '€ 3,17', ''],
      ['Netto baat', '€ 34.955,38', 'bandbreedte € 20.906,42 tot € 49.004,36'],
      ['Fiscaal / maatschappelijk', '€ 48.463,38 / € 2.592,00', ''],
      ['Waarvan geld vrijkomt', '€ 12.283,44', ''],
    ]);
  });

  it('puts who pays next to who benefits, splitting maatwerk cost pro rata to contributions', async () => {
    await expect(built().then((m) => [m.comparison.whoPays.rows, m.comparison.whoPays.totalRow])).resolves.toEqual([
      [
        ['Justitie (DJI)', '€ 0,00', '€ 0,00', '€ 25.568,18', '€ 19.176,14 – € 31.960,23', '€ 25.568,18'],
        ['Gemeente', '€ 25.000,00', '€ 8.050,00', '€ 18.049,76', '€ 12.840,05 – € 23.259,48', '€ 9.999,76'],
        ['Zorgverzekeraar', '€ 10.000,00', '€ 3.220,00', '€ 3.178,78', '€ 2.860,90 – € 3.496,66', '-€ 41,22'],
        ['Samenleving', '€ 0,00', '€ 0,00', '€ 2.592,00', '€ 1.296,00 – € 3.888,00', '€ 2.592,00'],
        ['Politie', '€ 5.000,00', '€ 1.610,00', '€ 1.666,66', '€ 833,33 – € 2.499,99', '€ 56,66'],
        ['Woningcorporatie', '€ 5.000,00', '€ 1.610,00', '€ 0,00', '€ 0,00 – € 0,00', '-€ 1.610,00'],
        ['Zorgaanbieder', '€ 5.000,00', '€ 1.610,00', '€ 0,00', '€ 0,00 – € 0,00', '-€ 1.610,00'],
      ],
      ['Totaal', '€ 50.000,00', '€ 16.100,00', '€ 51.055,38', '€ 37.006,42 – € 65.104,36', '€ 34.955,38'],
    ]);
  });

  it('splits an odd maatwerk total over partners so that the cents add up', async () => {
    const data = steeringFixture();
    data.requests[4] = { ...data.requests[4], paidAmount: '350.01' };
    await expect(built(data).then((m) => m.comparison.whoPays.rows.map((r) => r[2]))).resolves.toEqual([
      '€ 0,00',
      '€ 8.050,01',
      '€ 3.220,00',
      '€ 0,00',
      '€ 1.610,00',
      '€ 1.610,00',
      '€ 1.610,00',
    ]);
  });

  it('sets estimates against realised avoided cost where follow-up exists', async () => {
    await expect(built().then((m) => [m.realised.figures.map((f) => f.value), m.realised.table.rows])).resolves.toEqual([
      ['2', '€ 53.399,91', '€ 48.973,75', '91,7%', '–', '0', '–'],
      [
        ['Jaarabonnement NS voor meneer die in de trein „vergadert”', '€ 45.926,16', '€ 41.500,00', '-€ 4.426,16'],
        ['Huurachterstand aflossen om uithuiszetting te voorkomen', '€ 7.473,75', '€ 7.473,75', '€ 0,00'],
      ],
    ]);
  });

  it('ranks recurring barriers by count with up to two example titles', async () => {
    await expect(built().then((m) => m.barriers.table.rows.slice(0, 2))).resolves.toEqual([
      [
        'Financiering per domein, niet per persoon',
        '5',
        '• Jaarabonnement NS voor meneer die in de trein „vergadert”\n• Huurachterstand aflossen om uithuiszetting te voorkomen',
      ],
      [
        'Geen regeling voor vervoerskosten',
        '3',
        '• Jaarabonnement NS voor meneer die in de trein „vergadert”\n• Fiets en slot om zelf naar de dagbesteding te gaan',
      ],
    ]);
  });

  it('tells the rail-pass case as the first vignette, in the professional’s words', async () => {
    await expect(built().then((m) => m.vignettes.items[0])).resolves.toMatchObject({
      title: 'Jaarabonnement NS voor meneer die in de trein „vergadert”',
      context: 'Veiligheid · Buurtteam Overvecht',
      quote: expect.stringMatching(/^„Meneer is ervan overtuigd .* alleen een uitkering\.”$/),
      figures: [
        { label: 'Maatwerkuitgaven', value: '€ 3.000,00' },
        { label: 'Vermeden kosten (netto, centraal)', value: '€ 33.066,84' },
        { label: 'Bandbreedte vermeden kosten', value: '€ 24.383,47 – € 41.750,22' },
        { label: 'Netto baat', value: '€ 30.066,84' },
        { label: 'Vermeden per uitgegeven euro', value: '€ 11,02' },
      ],
      routeLines: [
        '120 × Dag detentie volwassene (gevangeniswezen, gemiddelde kostprijs), kans 80%: € 35.511,36',
        '6 × Casusoverleg met zes professionals, kans 90%: € 8.100,00',
        '10 × Politie-inzet per E33-melding (verward gedrag), kans 75%: € 2.314,80',
      ],
    });
  });

  it('shows at most three vignettes, ordered by net benefit', async () => {
    await expect(built().then((m) => m.vignettes.items.map((v) => v.title))).resolves.toEqual([
      'Jaarabonnement NS voor meneer die in de trein „vergadert”',
      'Huurachterstand aflossen om uithuiszetting te voorkomen',
      'Tijdelijke woonunit voor zes maanden (café-bovenwoning niet meer beschikbaar)',
    ]);
  });

  it('keeps requester names out of the steering report', async () => {
    const data = steeringFixture();
    data.requests[0] = { ...data.requests[0], requesterName: 'Sanne de Vries' };
    await expect(built(data).then((m) => JSON.stringify(m).includes('Sanne'))).resolves.toBe(false);
  });

  it('lists the requests of the period in the appendix, highest net avoided cost first', async () => {
    await expect(built().then((m) => m.appendix.table.rows.map((r) => `${r[0]} | ${r[2]} | ${r[5]}`))).resolves.toEqual([
      'Jaarabonnement NS voor meneer die in de trein „vergadert” | Betaald | 11,02',
      'Tijdelijke woonunit voor zes maanden (café-bovenwoning niet meer beschikbaar) | Goedgekeurd | 1,21',
      'Huurachterstand aflossen om uithuiszetting te voorkomen | Betaald | 2,24',
      'Opvang van de hond tijdens een crisisopname | Geannuleerd | 0,84',
      'Koelkast en kookplaat voor zelfstandig wonen na opname | Goedgekeurd | 0,89',
      'Buurtbemiddeling in plaats van politie-inzet | Ingetrokken | –',
      'Fiets en slot om zelf naar de dagbesteding te gaan | Betaald | 0,93',
      'Opslag van de inboedel tijdens de verhuizing | Afgewezen | 0,36',
      'Taxi naar de GGZ-intake (spoed) | Ingediend | 1,12',
      'Cursus budgetteren met een maatje | Ingetrokken | 0,00',
    ]);
  });

  it('documents confidence bands and every catalogue item used with its source', async () => {
    await expect(built().then((m) => [m.methodology.bands.rows, m.methodology.catalogue.rows[2]])).resolves.toEqual([
      [
        ['Hoog', '± 10%'],
        ['Gemiddeld', '± 25%'],
        ['Laag', '± 50%'],
      ],
      [
        'Casusoverleg met zes professionals (case_meeting, v1)',
        '€ 1.500,00',
        'geen jaar',
        '€ 1.500,00',
        'capaciteit',
        'Gemiddeld',
        "ZonMw-projectaanvraag 'Thuis in Zuidoost' (gemeente 's-Hertogenbosch e.a.): 'Casuïstiekvergaderingen met 6 man kosten 1500 euro per keer'",
      ],
    ]);
  });

  it('gives bar fractions of a nice axis for the life-domain chart', async () => {
    await expect(
      built().then((m) => [m.spending.chart.ticks.map((t) => t.label), m.spending.chart.bars.map((b) => [b.label, b.fraction])]),
    ).resolves.toEqual([
      ['€ 0', '€ 5.000', '€ 10.000', '€ 15.000'],
      [
        ['Wonen', 0.69],
        ['Veiligheid', 0.2],
        ['Inkomen en schulden', 0.16],
        ['Dagbesteding', 0.023333],
      ],
    ]);
  });

  it('draws the burn-down as three series over the fund balance', async () => {
    await expect(
      built().then((m) => m.keyFigures.burnDown.series.map((s) => [s.name, s.points.length, s.points[0], s.points[s.points.length - 1]])),
    ).resolves.toEqual([
      ['Beschikbaar', 11, { x: 0, y: 0.833333 }, { x: 1, y: 0.565 }],
      ['Gereserveerd', 11, { x: 0, y: 0 }, { x: 1, y: 0.1725 }],
      ['Uitgegeven', 11, { x: 0, y: 0 }, { x: 1, y: 0.095833 }],
    ]);
  });

  it('speaks English with English number formats when the locale is en', async () => {
    const data = { ...steeringFixture(), locale: 'en' as const };
    await expect(
      built(data).then((m) => [m.cover.title, m.cover.facts[3].value, m.keyFigures.figures[0], m.requests.tiers.rows[1][0]]),
    ).resolves.toEqual([
      'Steering group report Doorbraakbudget',
      '22 Nov 2026 14:05',
      { label: 'Budget (contributions)', value: '€ 50,000.00' },
      'One budget holder',
    ]);
  });
});

describe('buildSteeringReportModel: trend against the previous period', () => {
  const rows = (m: SteeringReportModel) => m.keyFigures.trend.table.rows;

  it('sets the key figures next to the previous period of the same length, with the change', async () => {
    const m = await built();
    expect(m.keyFigures.trend.table.columns.map((c) => c.header)).toEqual(['Kerncijfer', 'Deze periode', 'Vorige periode', 'Verschil']);
    expect(rows(m)).toEqual([
      ['Gereserveerd (stand aan het eind)', '€ 10.350,00', '€ 1.500,00', '+€ 8.850,00 (+590,0%)'],
      ['Uitgegeven (stand aan het eind)', '€ 5.750,00', '€ 2.500,00', '+€ 3.250,00 (+130,0%)'],
      ['Ingediende aanvragen', '10', '4', '+6 (+150,0%)'],
      ['Toegekende aanvragen', '5', '2', '+3 (+150,0%)'],
      // the same rules as the rest of the report: paid, else committed; net avoided; one person once
      ['Maatwerkkosten toegekend', '€ 16.100,00', '€ 4.000,00', '+€ 12.100,00 (+302,5%)'],
      ['Vermeden kosten (netto, centraal)', '€ 51.055,38', '€ 30.000,00', '+€ 21.055,38 (+70,2%)'],
      ['Unieke personen geholpen', '5', '1', '+4 (+400,0%)'],
      ['Mediane beslistijd', '24,0 uur', '30,0 uur', '-6,0 uur (-20,0%)'],
    ]);
  });

  it('says the period is still running and which previous period it is set against', async () => {
    await expect(built().then((m) => m.keyFigures.trend.intro[0])).resolves.toBe(
      'De periode loopt nog: deze periode (1 jan. 2026 – 22 nov. 2026) staat per 22 nov. 2026; de vorige periode van dezelfde lengte is 9 feb. 2025 – 31 dec. 2025.',
    );
  });

  it('says how far the previous period counts when it was cut to the running part', async () => {
    const data = steeringFixture();
    data.period = { from: '2026-01-01', to: '2026-12-31' };
    data.previousPeriod = { ...(data.previousPeriod as NonNullable<SteeringReportData['previousPeriod']>), from: '2025-01-01', to: '2025-11-22', fullTo: '2025-12-31', cut: true };
    await expect(built(data).then((m) => m.keyFigures.trend.intro[0])).resolves.toBe(
      'De periode loopt nog: deze periode (1 jan. 2026 – 31 dec. 2026) staat per 22 nov. 2026. De vorige periode van dezelfde lengte (1 jan. 2025 – 31 dec. 2025) telt daarom tot en met 22 nov. 2025, even ver als deze periode nu is.',
    );
  });

  it('names an ended period and its predecessor without "stand per"', async () => {
    const data = steeringFixture();
    data.period = { from: '2026-01-01', to: '2026-06-30' };
    data.previousPeriod = { ...(data.previousPeriod as NonNullable<SteeringReportData['previousPeriod']>), from: '2025-07-01', to: '2025-12-31', fullTo: '2025-12-31' };
    await expect(built(data).then((m) => m.keyFigures.trend.intro[0])).resolves.toBe(
      'Deze periode (1 jan. 2026 – 30 jun. 2026) naast de vorige periode van dezelfde lengte (1 jul. 2025 – 31 dec. 2025).',
    );
  });

  it('says "geen gegevens" for a previous period without requests and bookings, instead of zeros', async () => {
    const data = steeringFixture();
    data.previousPeriod = { from: '2025-02-09', to: '2025-12-31', fullTo: '2025-12-31', cut: false, requests: [], balance: null };
    const m = await built(data);
    expect(m.keyFigures.trend.intro).toEqual([
      'Over de vorige periode van dezelfde lengte (9 feb. 2025 – 31 dec. 2025) zijn geen gegevens: er waren toen geen aanvragen en geen boekingen in het fonds.',
    ]);
    expect(rows(m).map((r) => r.slice(2))).toEqual(Array.from({ length: 8 }, () => ['geen gegevens', '–']));
    expect(rows(m)[2][1]).toBe('10');
  });

  it('counts a previous period with money but no requests as zero requests, and has no median for it', async () => {
    const data = steeringFixture();
    data.previousPeriod = { from: '2025-02-09', to: '2025-12-31', fullTo: '2025-12-31', cut: false, requests: [], balance: { committed: '0.00', spent: '0.00', available: '50000.00' } };
    const m = await built(data);
    expect(rows(m)[2]).toEqual(['Ingediende aanvragen', '10', '0', '+10']);
    expect(rows(m)[7]).toEqual(['Mediane beslistijd', '24,0 uur', 'geen gegevens', '–']);
  });

  it('writes a fall with the minus of formatEuro (-€ …) and a count with a hyphen-minus', async () => {
    const data = steeringFixture();
    const prev = data.previousPeriod as NonNullable<SteeringReportData['previousPeriod']>;
    prev.balance = { committed: '11652.44', spent: '5750.00', available: '0.00' };
    prev.requests = [...prev.requests, ...Array.from({ length: 8 }, (_, i) => ({ ...prev.requests[3], id: `w-${i}` }))];
    const m = await built(data);
    expect(rows(m)[0][3]).toBe('-€ 1.302,44 (-11,2%)');
    expect(rows(m)[1][3]).toBe('€ 0,00 (0,0%)');
    expect(rows(m)[2][3]).toBe('-2 (-16,7%)');
  });

  it('reports the trend in English', async () => {
    const m = await built({ ...steeringFixture(), locale: 'en' });
    expect(m.keyFigures.trend.heading).toBe('Compared with the previous period');
    expect(rows(m)[5]).toEqual(['Avoided cost (net, central)', '€ 51,055.38', '€ 30,000.00', '+€ 21,055.38 (+70.2%)']);
  });
});

describe('buildSteeringReportModel: calibration', () => {
  it('shows factor and sample per catalogue item used, and "te weinig waarnemingen" below the minimum sample', async () => {
    const m = await built();
    const c = m.realised.calibration;
    expect(c.byItem.columns.map((x) => x.header)).toEqual(['Kostenpost', 'Follow-ups (n)', 'Factor', 'Vermeden netto (deze rapportage)', 'Gekalibreerd']);
    const row = (label: string) => c.byItem.rows.find((r) => r[0].startsWith(label));
    // detention: net avoided of the granted requests in the report × 0.85
    expect(row('Dag detentie')).toEqual(['Dag detentie volwassene (gevangeniswezen, gemiddelde kostprijs)', '12', '0,85', '€ 25.568,18', '€ 21.732,95']);
    expect(row('Politie-inzet')).toEqual(['Politie-inzet per E33-melding (verward gedrag)', '10', '1,10', '€ 1.666,66', '€ 1.833,33']);
    expect(row('Casusoverleg')).toEqual(['Casusoverleg met zes professionals', '4', 'te weinig waarnemingen (n < 10)', '€ 6.156,00', '–']);
    // an item used in the report without any follow-up in the network
    expect(row('Bezoek spoedeisende hulp')?.slice(1, 3)).toEqual(['0', 'te weinig waarnemingen (n < 10)']);
    expect(c.byOrganisation.rows).toEqual([['Dag detentie volwassene (gevangeniswezen, gemiddelde kostprijs)', 'Buurtteam Overvecht', '10', '0,80']]);
    expect(c.byOrganisationHeading).toBe('Per aanvragende organisatie (vanaf 10 follow-ups)');
  });

  it('says no organisation has enough follow-ups rather than showing an empty table', async () => {
    const data = steeringFixture();
    data.calibration = { minimumSample: 10, byItem: [], byOrganisation: [] };
    const m = await built(data);
    expect(m.realised.calibration.byOrganisation.rows).toEqual([]);
    expect(m.realised.calibration.byOrganisation.emptyText).toBe('Geen aanvragende organisatie heeft voor een van deze kostenposten 10 of meer follow-ups.');
    expect(new Set(m.realised.calibration.byItem.rows.map((r) => r[2]))).toEqual(new Set(['te weinig waarnemingen (n < 10)']));
  });
});

describe('buildSteeringReportModel: the method in Appendix B', () => {
  it('gives the formulas of deadweight, attribution, drop-off and discounting with the 2.25 % source, and the fund\'s values', async () => {
    const m = await built();
    const text = m.methodology.paragraphs.join('\n');
    expect(text).toContain('Netto = verwacht × (1 − meeneemeffect) × toerekening × Σ(t = 0 … j−1) (1 − uitdoving)^t / (1 + r)^t');
    expect(text).toContain('standaarddiscontovoet 2,25 %');
    expect(text).toContain('https://www.rwseconomie.nl/discontovoet');
    expect(text).toContain('Kalibratie per kostenpost');
    expect(text).toContain('Vergelijking met de vorige periode');
    expect(m.methodology.paragraphs.at(-1)).toBe(
      'Instellingen van Doorbraakfonds Utrecht Noordwest 2026: meeneemeffect 10,0%, toerekening 80,0%, uitdoving 20,0% per jaar, discontovoet 2,25%, horizon 5 jaar.',
    );
  });

  it('states the discount rate in the comparison intro as 2,25%, not rounded to 2,3%', async () => {
    await expect(built().then((m) => m.comparison.intro)).resolves.toContain('2,25% discontovoet');
  });
});

describe('trend figures', () => {
  it('counts the report\'s own period by the same rules as the previous one', async () => {
    const { currentFigures, periodFigures } = await import('./steering-report.trend');
    const { steeringContext } = await import('./steering-report.context');
    const { Dec } = await import('../../common/money');
    const data = steeringFixture();
    // one person with two granted requests
    data.requests = data.requests.map((r, i) => ({ ...r, caseKey: i < 2 ? 'same-person' : `person-${i}` }));
    const ctx = steeringContext(data);
    const balance = { committed: new Dec('10350.00'), spent: new Dec('5750.00') };
    const asRows = periodFigures(data.requests.map((r) => ({ ...r, avoidedNetCentral: r.comparison.avoidedCostNet.central })), balance);
    const plain = (f: typeof asRows) => ({ ...f, committed: f.committed.toFixed(2), spent: f.spent.toFixed(2), cost: f.cost.toFixed(2), avoided: f.avoided.toFixed(2) });
    expect(plain(currentFigures(ctx, balance))).toEqual(plain(asRows));
    expect(plain(asRows)).toMatchObject({ requests: 10, granted: 5, cost: '16100.00', avoided: '51055.38', people: 4, medianHours: 24 });
  });
});
