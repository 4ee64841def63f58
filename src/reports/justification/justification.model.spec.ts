import { buildJustificationModel } from './justification.model';
import { nextFollowUp } from './justification-data.service';
import type { FollowUp, FollowUpState } from '../../cost-comparison/follow-ups';
import type { JustificationData } from '../report-data.types';
import { justificationFixture } from '../../../test/reports/fixtures/report-fixtures';
import type { JustificationModel } from '../report-model.types';

const built = (data: JustificationData = justificationFixture()): Promise<JustificationModel> =>
  Promise.resolve().then(() => buildJustificationModel(data));

describe('buildJustificationModel', () => {
  it('states what is paid, to whom and from which fund', async () => {
    await expect(built().then((m) => m.what.facts)).resolves.toEqual([
      { label: 'Bedrag', value: '€ 3.000,00' },
      { label: 'Ontvanger', value: 'NS Reizigers B.V.' },
      { label: 'Levensdomein', value: 'Veiligheid' },
      { label: 'Spoed', value: 'nee' },
      { label: 'Fonds', value: 'Doorbraakfonds Utrecht Noordwest 2026' },
    ]);
  });

  it('names the requester, mandate and submission time', async () => {
    await expect(built().then((m) => m.process)).resolves.toEqual([
      { label: 'Status', value: 'Betaald' },
      { label: 'Mandaat', value: 'Eén budgethouder' },
      { label: 'Aangevraagd door', value: 'Sanne de Vries, Buurtteam Overvecht' },
      { label: 'Ingediend', value: '3 feb. 2026 09:00' },
    ]);
  });

  it('identifies the person only by case pseudonym and neighbourhood', async () => {
    await expect(built().then((m) => m.forWhom.facts.map((f) => f.value).slice(0, 2))).resolves.toEqual(['UNW-7K3Q', 'Overvecht']);
  });

  it('shows the urgent deadline when the request is urgent', async () => {
    const data = justificationFixture();
    data.request = { ...data.request, urgent: true, decisionDue: '2026-02-04T09:00:00+01:00' };
    await expect(built(data).then((m) => m.what.facts[3])).resolves.toEqual({ label: 'Spoed', value: 'ja, besluit vóór 4 feb. 2026 09:00' });
  });

  it('prices the conventional route line by line, gross and net, with numbered sources', async () => {
    await expect(built().then((m) => [m.route.table.columns.map((c) => c.header), m.route.table.rows, m.route.table.totalRow])).resolves.toEqual([
      ['Kostenpost', 'Drager', 'Eenheidsprijs', 'Aantal', 'Kans', 'Bruto', 'Netto'],
      [
        // net = expected × (1 − 0.10) × 0.80 for a one-year line
        ['Dag detentie volwassene (gevangeniswezen, gemiddelde kostprijs) [1]', 'Justitie (DJI)', '€ 369,91 per dag', '120', '80%', '€ 35.511,36', '€ 25.568,18'],
        ['Casusoverleg met zes professionals [2]', 'Gemeente', '€ 1.500,00 per overleg', '6', '90%', '€ 8.100,00', '€ 5.832,00'],
        ['Politie-inzet per E33-melding (verward gedrag) [3]', 'Politie', '€ 308,64 per melding', '10', '75%', '€ 2.314,80', '€ 1.666,66'],
      ],
      ['Vermeden kosten (centraal)', '', '', '', '', '€ 45.926,16', '€ 33.066,84'],
    ]);
  });

  it('shows years and one year of a line over several years, and the discounting it went through', async () => {
    const data = justificationFixture();
    const [first, ...rest] = data.comparison.lines;
    data.comparison = {
      ...data.comparison,
      lines: [{ ...first, years: 8, yearsCounted: 5, grossFactor: '4.807694', netFactor: '3.046391', gross: '170727.89', net: '77897.57' }, ...rest],
    };
    const m = await built(data);
    expect(m.route.table.columns.map((c) => c.header)).toEqual(['Kostenpost', 'Drager', 'Eenheidsprijs', 'Aantal', 'Kans', 'Jaren', 'Per jaar', 'Bruto', 'Netto']);
    expect(m.route.table.rows[0].slice(5)).toEqual(['5 van 8', '€ 35.511,36', '€ 170.727,89', '€ 77.897,57']);
    expect(m.route.table.rows[1].slice(5)).toEqual(['1', '€ 8.100,00', '€ 8.100,00', '€ 5.832,00']);
    expect(m.route.headline).toBe(
      'Bruto = per jaar × Σ 1 / (1 + r)^t; netto = per jaar × (1 − meeneemeffect 10,0%) × toerekening 80,0% × Σ (1 − uitdoving)^t / (1 + r)^t, met uitdoving 20,0%, discontovoet r = 2,25%, t = 0 … jaren − 1 (hooguit 5); zo telt de stuurgroeprapportage. Het beslisscherm toonde de budgethouder bruto en netto.',
    );
  });

  it('names a line with shares of its own', async () => {
    const data = justificationFixture();
    const [first, ...rest] = data.comparison.lines;
    data.comparison = { ...data.comparison, lines: [{ ...first, deadweight: '0.3', attribution: '0.5', defaultShares: false }, ...rest] };
    await expect(built(data).then((m) => m.route.notes)).resolves.toContain(
      'Dag detentie volwassene (gevangeniswezen, gemiddelde kostprijs): eigen meeneemeffect 30,0% en toerekening 50,0%',
    );
  });

  it('lists the barriers and the unindexed items without a capital after a semicolon', async () => {
    const m = await built();
    expect(m.why.barriers?.value).toBe('Boetes stapelen zich op tot detentie · Geen regeling voor vervoerskosten · Financiering per domein, niet per persoon');
    expect(m.route.notes).toContain('Zonder prijsjaar, niet geïndexeerd: Casusoverleg met zes professionals');
    const texts = [m.why.barriers?.value ?? '', m.route.headline, ...m.route.notes, ...m.route.sources, ...m.decision.summary.map((f) => f.value)];
    expect(texts.filter((t) => /;\s+\p{Lu}\p{Ll}/u.test(t))).toEqual([]);
  });

  it('lists the sources with price year and confidence', async () => {
    await expect(built().then((m) => m.route.sources[1])).resolves.toBe(
      "[2] Casusoverleg met zes professionals (€ 1.500,00, geen jaar; gemiddeld): ZonMw-projectaanvraag 'Thuis in Zuidoost' (gemeente 's-Hertogenbosch e.a.): 'Casuïstiekvergaderingen met 6 man kosten 1500 euro per keer'",
    );
  });

  it('puts the net figures first as the headline and the requester\'s gross estimate beside them', async () => {
    const m = await built();
    expect([...m.route.figures, m.route.gross].map((f) => `${f.label}: ${f.value}`)).toEqual([
      'Maatwerkkosten: € 3.000,00',
      'Vermeden netto (kopcijfer): € 33.066,84',
      'Bandbreedte netto: € 24.383,47 – € 41.750,22',
      'Netto baat: € 30.066,84',
      'Vermeden per euro: € 11,02',
      'Bruto (schatting aanvrager): € 45.926,16 (netto baat € 42.926,16)',
    ]);
    expect(m.route.headline).toBe(
      'Netto = bruto × (1 − meeneemeffect 10,0%) × toerekening 80,0%, zoals de stuurgroeprapportage telt; het beslisscherm toonde de budgethouder bruto en netto.',
    );
  });

  it('records approvals and every step with who, when and why', async () => {
    await expect(built().then((m) => [m.decision.approvals.rows, m.decision.history.rows[2]])).resolves.toEqual([
      [['3 feb. 2026 14:30', 'Ahmed El Khatib', 'Gemeente Utrecht', 'Goedkoper dan één week detentie; casusoverleg unaniem.']],
      ['3 feb. 2026 14:30', 'Ahmed El Khatib (budgethouder)', 'Ingediend → Goedgekeurd', 'Goedkoper dan één week detentie; casusoverleg unaniem.'],
    ]);
  });

  it('totals the payments', async () => {
    const data = justificationFixture();
    data.payments.push({ at: '2026-03-01T10:00:00+01:00', amount: '0.01', reference: 'correctie' });
    await expect(built(data).then((m) => [m.payments.table.rows, m.payments.table.totalRow])).resolves.toEqual([
      [
        ['20 feb. 2026', 'NS-2026-000417 jaarabonnement', '€ 3.000,00'],
        ['1 mrt. 2026', 'correctie', '€ 0,01'],
      ],
      ['Totaal betaald', '', '€ 3.000,01'],
    ]);
  });

  it('leaves out the payment total when nothing was paid', async () => {
    const data = { ...justificationFixture(), payments: [] };
    await expect(built(data).then((m) => [m.payments.table.rows.length, m.payments.table.totalRow])).resolves.toEqual([0, undefined]);
  });
});

describe('buildJustificationModel: the decision block', () => {
  it('says who decided when, why, against the deadline, and what is reserved and paid', () => {
    const m = buildJustificationModel(justificationFixture());
    expect(m.decision.summary.map((f) => `${f.label}: ${f.value}`)).toEqual([
      'Besluit: goedgekeurd door Ahmed El Khatib (Gemeente Utrecht) op 3 feb. 2026 14:30',
      'Reden: Goedkoper dan één week detentie; casusoverleg unaniem.',
      'Termijn: geen beslistermijn',
      'Gereserveerd / betaald: € 0,00 / € 3.000,00',
    ]);
  });

  it('gives the late hours against the deadline, the evaluation due and the follow-up outcome', () => {
    const data = justificationFixture();
    data.request = { ...data.request, decisionDue: '2026-02-03T12:30:00+01:00' };
    data.nextFollowUp = { months: 6, dueDate: '2026-08-03' };
    data.outcomes = [{ months: 3, goalReached: 'yes', note: 'Geen nieuwe boetes.' }];
    const m = buildJustificationModel(data);
    expect(m.decision.summary.map((f) => `${f.label}: ${f.value}`).slice(2)).toEqual([
      'Termijn: 2,0 uur na de termijn (3 feb. 2026 12:30)',
      'Gereserveerd / betaald: € 0,00 / € 3.000,00',
      'Evaluatie: follow-up na 6 maanden, gepland op 3 aug. 2026',
      'Follow-up: na 3 maanden: doel bereikt. Geen nieuwe boetes.',
    ]);
  });
});

describe('buildJustificationModel after retention', () => {
  it('says the narratives were removed instead of leaving them blank, and keeps texts that are there', () => {
    const data = justificationFixture();
    data.request = { ...data.request, justification: '', residentWish: '', narrativesErased: true };
    data.approvals = data.approvals.map((a) => ({ ...a, comment: null }));
    const m = buildJustificationModel(data);
    expect(m.why.justification).toBe('verwijderd na bewaartermijn');
    expect(m.forWhom.facts.find((f) => f.label === 'Wens van de inwoner')?.value).toBe('verwijderd na bewaartermijn');
    expect(m.decision.approvals.rows.map((row) => row[3])).toEqual(data.approvals.map(() => 'verwijderd na bewaartermijn'));
  });

  it('leaves an empty text empty when nothing was erased', () => {
    const data = justificationFixture();
    data.request = { ...data.request, residentWish: '' };
    expect(buildJustificationModel(data).forWhom.facts.find((f) => f.label === 'Wens van de inwoner')?.value).toBe('');
  });
});

describe('nextFollowUp', () => {
  const schedule = (states: FollowUpState[]): FollowUp[] =>
    ([3, 6, 12] as const).map((months, i) => ({ months, dueDate: `2026-${String(months).padStart(2, '0')}-01`, state: states[i] }));

  it('is the first follow-up after the latest recorded one', () => {
    expect(nextFollowUp(schedule(['recorded', 'due', 'upcoming']))).toEqual({ months: 6, dueDate: '2026-06-01' });
    expect(nextFollowUp(schedule(['upcoming', 'upcoming', 'upcoming']))).toEqual({ months: 3, dueDate: '2026-03-01' });
  });

  it('does not go back to a skipped 3-month follow-up once the 6-month one is recorded', () => {
    expect(nextFollowUp(schedule(['overdue', 'recorded', 'upcoming']))).toEqual({ months: 12, dueDate: '2026-12-01' });
  });

  it('is none when the 12-month follow-up is recorded', () => {
    expect(nextFollowUp(schedule(['overdue', 'overdue', 'recorded']))).toBeNull();
  });
});
