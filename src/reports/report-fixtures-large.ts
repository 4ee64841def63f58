/**
 * A deterministic, large steering data set (default 1,000 requests) to test paging, repeated
 * table headers and very long titles.
 */
import { Dec, moneyString } from '../common/money';
import type { ReportRequest, RequestStatus, SteeringReportData } from './report-data.types';
import { catalogueItemsOf, fixtureComparison, type RouteInput } from './report-fixture-catalogue';
import { steeringFixture } from './report-fixtures';

/** Park–Miller LCG: same numbers on every run, no dependency. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

const TITLES = [
  'Treinabonnement om naar werk te reizen',
  'Borg voor een kamer in de wijk',
  'Wasmachine zodat de kinderen schone kleren hebben',
  'Reparatie van de scootmobiel',
  'Tijdelijke opvang van de kat tijdens opname',
  'Laptop voor de opleiding bij het ROC',
  'Eenmalige bijdrage energieschuld',
  'Nieuw slot na inbraak, zodat mevrouw durft te slapen',
  'Rijlessen voor een baan in de bezorging',
  'Coaching door ervaringsdeskundige',
];
const DOMAINS = ['housing', 'income', 'care', 'daytime', 'safety', 'social'];
const ORGS = ['Buurtteam Overvecht', 'Buurtteam Kanaleneiland', 'Altrecht GGZ', 'Mitros', 'Leger des Heils', 'Politie Midden-Nederland'];
const BARRIERS = ['fines_spiral', 'no_transport_fund', 'waiting_list', 'debt_rules', 'domain_split', 'privacy_sharing'];
const STATUSES: RequestStatus[] = ['paid', 'paid', 'approved', 'evaluated', 'rejected', 'withdrawn', 'cancelled', 'submitted'];
const ROUTES: RouteInput[][] = [
  [['case_meeting', '2', '0.50']],
  [['police_e33_incident', '4', '0.60'], ['seh_visit', '2', '0.50']],
  [['ggz_clinical_day', '10', '0.30']],
  [['eviction_societal', '1', '0.40'], ['shelter_place_year', '0.25', '0.50']],
  [['detention_day', '14', '0.40'], ['crime_disorderly', '1', '0.20']],
];

const LONG_TITLE =
  'Tijdelijke huisvesting, verhuisbegeleiding, opslag van de inboedel, een tweedehands bed, een koelkast en drie maanden begeleiding door een ervaringsdeskundige voor een jonge vrouw die na een crisisopname niet terug kan naar haar oude woning, omdat de verhuurder de huur heeft opgezegd en de wachtlijst voor beschermd wonen in de regio minstens veertien maanden bedraagt; zonder deze oplossing volgt vrijwel zeker een nieuwe opname of een plek in de nachtopvang, met alle gevolgen voor haar herstel, haar contact met haar dochter en de schulden die zich dan opnieuw opstapelen bij de zorgverzekeraar en de gemeente';
const UNBROKEN = 'Vervoerskostenvergoedingsaanvraagformulierbehandelingsprocedureverbeteringsvoorstel-zonder-spaties-heel-lang';

export function largeSteeringFixture(count = 1000): SteeringReportData {
  const base = steeringFixture();
  const rnd = random(20261122);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
  const start = Date.parse('2026-01-05T08:00:00Z');
  const requests: ReportRequest[] = [];
  for (let i = 0; i < count; i += 1) {
    const status = pick(STATUSES);
    const amount = moneyString(new Dec(Math.floor(rnd() * 400000) + 2500).dividedBy(100));
    const submitted = start + Math.floor(rnd() * 300) * 86_400_000 + Math.floor(rnd() * 9) * 3_600_000;
    const tier = new Dec(amount).greaterThan(5000) ? 'double' : rnd() < 0.3 ? 'requester' : 'single';
    const decided = status === 'submitted' || status === 'withdrawn' ? null : submitted + (tier === 'requester' ? 0 : Math.floor(rnd() ** 3 * 400) * 3_600_000 + 1_800_000);
    const urgent = rnd() < 0.2;
    const paid = status === 'paid' || status === 'evaluated';
    const title = i === 7 ? LONG_TITLE : i === 11 ? `${UNBROKEN} ${UNBROKEN}` : `${pick(TITLES)} (${i + 1})`;
    const comparison = fixtureComparison(amount, pick(ROUTES));
    requests.push({
      id: `big-${i}`,
      title,
      status,
      amount,
      paidAmount: paid ? amount : '0.00',
      committedAmount: status === 'approved' ? amount : '0.00',
      lifeDomain: pick(DOMAINS),
      organisationName: pick(ORGS),
      tier,
      retroactive: tier === 'requester' && rnd() < 0.5,
      urgent,
      submittedAt: new Date(submitted),
      decidedAt: decided === null ? null : new Date(decided),
      decisionDue: urgent ? new Date(submitted + 48 * 3_600_000) : null,
      solvedWithoutMoney: status === 'withdrawn' && rnd() < 0.4,
      barriers: BARRIERS.filter(() => rnd() < 0.25),
      justification: `${title}. De reguliere route duurt te lang en is duurder; de professional licht toe waarom dit nú nodig is.`,
      comparison,
      realised:
        status === 'evaluated'
          ? { estimated: comparison.avoidedCost.central, realised: moneyString(new Dec(comparison.avoidedCost.central).times(rnd() * 1.2 + 0.2)) }
          : null,
    });
  }
  const all = [...base.requests, ...requests];
  const committed = all.reduce((s, r) => s.plus(r.committedAmount), new Dec(0));
  const spent = all.reduce((s, r) => s.plus(r.paidAmount), new Dec(0));
  // Partners put in 25× the small fixture, so the large fund is about 70% used.
  const contributions = base.funds[0].contributions.map((c) => ({ ...c, amount: moneyString(new Dec(c.amount).times(25)) }));
  const budget = contributions.reduce((s, c) => s.plus(c.amount), new Dec(0));
  return {
    ...base,
    funds: [
      {
        ...base.funds[0],
        contributions,
        budget: moneyString(budget),
        committed: moneyString(committed),
        spent: moneyString(spent),
        available: moneyString(budget.minus(committed).minus(spent)),
      },
    ],
    requests: all,
    burnDown: burnDown(all, budget),
    catalogueItemsUsed: catalogueItemsOf(all.map((r) => r.comparison)),
  };
}

/** Month-end balances from decision dates: granted money counts as committed until paid a week later. */
function burnDown(requests: ReportRequest[], budget: Dec): SteeringReportData['burnDown'] {
  const points: SteeringReportData['burnDown'] = [];
  // Month ends from January to October, then the generation date (22 November).
  for (let month = 0; month <= 10; month += 1) {
    const at = month === 10 ? new Date(Date.UTC(2026, 10, 22)) : new Date(Date.UTC(2026, month + 1, 0));
    let committed = new Dec(0);
    let spent = new Dec(0);
    for (const r of requests) {
      if (r.decidedAt === null || new Date(r.decidedAt) > at) continue;
      const paidAt = new Date(new Date(r.decidedAt).getTime() + 7 * 86_400_000);
      if (new Dec(r.paidAmount).greaterThan(0)) {
        if (paidAt <= at) spent = spent.plus(r.paidAmount);
        else committed = committed.plus(r.paidAmount);
      } else committed = committed.plus(r.committedAmount);
    }
    points.push({
      date: at.toISOString().slice(0, 10),
      committed: moneyString(committed),
      spent: moneyString(spent),
      available: moneyString(budget.minus(committed).minus(spent)),
    });
  }
  return [{ date: '2026-01-01', committed: '0.00', spent: '0.00', available: moneyString(budget) }, ...points];
}
