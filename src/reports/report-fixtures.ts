/**
 * Hand-built report data for tests and for looking at the PDFs (render-fixture-cli.ts).
 * The canonical case: an annual rail pass (€ 3.000,00) instead of fines ending in detention.
 */
import type { Comparison } from '../cost-comparison/comparison.types';
import type { JustificationData, ReportRequest, SteeringReportData } from './report-data.types';
import {
  catalogueItemsOf,
  FIXTURE_BANDS,
  FIXTURE_CPI_NOTE,
  fixtureComparison,
  type RouteInput,
} from './report-fixture-catalogue';

export const LIFE_DOMAIN_LABELS: Record<string, string> = {
  housing: 'Wonen',
  income: 'Inkomen en schulden',
  care: 'Zorg en ondersteuning',
  daytime: 'Dagbesteding',
  safety: 'Veiligheid',
  social: 'Sociaal netwerk',
};

export const BARRIER_LABELS: Record<string, string> = {
  fines_spiral: 'Boetes stapelen zich op tot detentie',
  no_transport_fund: 'Geen regeling voor vervoerskosten',
  waiting_list: 'Wachtlijst specialistische ggz',
  debt_rules: 'Schuldhulp sluit huurachterstand uit',
  domain_split: 'Financiering per domein, niet per persoon',
  privacy_sharing: 'Geen gegevensdeling tussen organisaties',
};

export const RAIL_PASS_ROUTE: RouteInput[] = [
  ['detention_day', '120', '0.80'],
  ['case_meeting', '6', '0.90'],
  ['police_e33_incident', '10', '0.75'],
];

export const RAIL_PASS_JUSTIFICATION =
  'Meneer is ervan overtuigd dat hij het bestuur van een oliemaatschappij vertegenwoordigt. Hij reist elke dag met de trein naar „vergaderingen”, zonder kaartje. Boete op boete is geëscaleerd tot detentie, terwijl hij vriendelijk en ongevaarlijk is en niet begrijpt waarom hij vastzit. Met een jaarabonnement reist hij legaal en vervallen de boetes, de detentiedagen en het steeds terugkerende casusoverleg. De financiële ruimte om dit zelf te betalen heeft hij niet; hij heeft alleen een uitkering.';

interface RequestInput extends Partial<ReportRequest> {
  id: string;
  title: string;
  amount: string;
  route: RouteInput[];
}

function request(input: RequestInput): ReportRequest {
  const { route, ...rest } = input;
  const base: ReportRequest = {
    status: 'approved',
    paidAmount: '0.00',
    committedAmount: '0.00',
    lifeDomain: 'care',
    organisationName: 'Buurtteam Overvecht',
    tier: 'single',
    retroactive: false,
    urgent: false,
    submittedAt: new Date('2026-03-02T08:15:00Z'),
    decidedAt: null,
    decisionDue: null,
    solvedWithoutMoney: false,
    barriers: [],
    justification: '',
    comparison: fixtureComparison(input.amount, route),
    realised: null,
    ...rest,
  } as ReportRequest;
  return base;
}

export function steeringRequests(): ReportRequest[] {
  return [
    request({
      id: 'r-rail', title: 'Jaarabonnement NS voor meneer die in de trein „vergadert”', amount: '3000.00', status: 'paid',
      paidAmount: '3000.00', lifeDomain: 'safety', route: RAIL_PASS_ROUTE, barriers: ['fines_spiral', 'no_transport_fund', 'domain_split'],
      submittedAt: '2026-02-03T09:00:00+01:00', decidedAt: '2026-02-03T14:30:00+01:00', justification: RAIL_PASS_JUSTIFICATION,
      realised: { estimated: '45926.16', realised: '41500.00' },
    }),
    request({
      id: 'r-rent', title: 'Huurachterstand aflossen om uithuiszetting te voorkomen', amount: '2400.00', status: 'paid',
      paidAmount: '2400.00', lifeDomain: 'income', organisationName: 'Buurtteam Kanaleneiland', urgent: true,
      route: [['eviction_societal', '1', '0.60'], ['shelter_place_year', '0.5', '0.50']], barriers: ['debt_rules', 'domain_split'],
      submittedAt: '2026-03-10T10:00:00+01:00', decisionDue: '2026-03-11T10:00:00+01:00', decidedAt: '2026-03-10T16:00:00+01:00',
      justification: 'Mevrouw dreigt met haar twee kinderen uit huis te worden gezet. De schuldhulp neemt de huurachterstand niet mee; de corporatie wil afzien van ontruiming als de achterstand vóór de zitting is betaald.',
      realised: { estimated: '7473.75', realised: '7473.75' },
    }),
    request({
      id: 'r-fridge', title: 'Koelkast en kookplaat voor zelfstandig wonen na opname', amount: '850.00', status: 'approved',
      committedAmount: '850.00', lifeDomain: 'housing', tier: 'requester', retroactive: true, route: [['ggz_clinical_day', '7', '0.40']],
      submittedAt: '2026-04-14T11:20:00+02:00', decidedAt: '2026-04-14T11:20:00+02:00', barriers: ['domain_split'],
      justification: 'Na ontslag uit de kliniek kan meneer niet koken; zonder koelkast en kookplaat dreigt heropname.',
    }),
    request({
      id: 'r-tiny', title: 'Tijdelijke woonunit voor zes maanden (café-bovenwoning niet meer beschikbaar)', amount: '9500.00',
      status: 'approved', committedAmount: '9500.00', lifeDomain: 'housing', tier: 'double', organisationName: 'Altrecht GGZ',
      route: [['beschermd_wonen_day_pgb', '180', '0.70'], ['ggz_clinical_day', '30', '0.30']], barriers: ['waiting_list', 'domain_split'],
      submittedAt: '2026-05-04T09:00:00+02:00', decidedAt: '2026-05-08T15:00:00+02:00',
      justification: 'Een plek in beschermd wonen duurt minstens een half jaar. Een woonunit met ambulante begeleiding is sneller en goedkoper.',
    }),
    request({
      id: 'r-bike', title: 'Fiets en slot om zelf naar de dagbesteding te gaan', amount: '350.00', status: 'paid', paidAmount: '350.00',
      lifeDomain: 'daytime', tier: 'requester', retroactive: true, route: [['case_meeting', '1', '0.30']], barriers: ['no_transport_fund'],
      submittedAt: '2026-06-01T13:00:00+02:00', decidedAt: '2026-06-01T13:00:00+02:00', justification: 'De regiotaxi is niet passend.',
    }),
    request({
      id: 'r-storage', title: 'Opslag van de inboedel tijdens de verhuizing', amount: '600.00', status: 'rejected', lifeDomain: 'housing',
      organisationName: 'Mitros', route: [['case_meeting', '1', '0.20']], submittedAt: '2026-06-20T09:00:00+02:00',
      decidedAt: '2026-06-24T09:00:00+02:00', justification: 'Opslag voorkomt dat spullen verloren gaan.',
    }),
    request({
      id: 'r-taxi', title: 'Taxi naar de GGZ-intake (spoed)', amount: '95.00', status: 'submitted', urgent: true, lifeDomain: 'care',
      route: [['seh_visit', '1', '0.50']], barriers: ['no_transport_fund', 'waiting_list'],
      submittedAt: '2026-11-20T09:00:00+01:00', decisionDue: '2026-11-21T09:00:00+01:00', justification: 'Zonder vervoer mist zij de intake.',
    }),
    request({
      id: 'r-course', title: 'Cursus budgetteren met een maatje', amount: '250.00', status: 'withdrawn', lifeDomain: 'income',
      route: [], submittedAt: '2026-07-07T10:00:00+02:00', justification: 'Vrijwilliger van de kerk neemt dit op zich.',
    }),
    request({
      id: 'r-pet', title: 'Opvang van de hond tijdens een crisisopname', amount: '1200.00', status: 'cancelled', lifeDomain: 'care',
      route: [['ggz_paaz_puk_day', '5', '0.50']], submittedAt: '2026-08-12T10:00:00+02:00', decidedAt: '2026-08-13T10:00:00+02:00',
      barriers: ['domain_split'], justification: 'Mevrouw weigert opname zolang niemand voor de hond zorgt.',
    }),
    request({
      id: 'r-mediation', title: 'Buurtbemiddeling in plaats van politie-inzet', amount: '0.00', status: 'withdrawn', lifeDomain: 'safety',
      solvedWithoutMoney: true, route: [['police_e33_incident', '4', '0.50']], barriers: ['privacy_sharing'],
      submittedAt: '2026-09-01T10:00:00+02:00', justification: 'Buurtbemiddeling bleek zonder kosten mogelijk.',
    }),
  ];
}

export function steeringFixture(): SteeringReportData {
  const requests = steeringRequests();
  return {
    generatedAt: new Date('2026-11-22T13:05:00Z'),
    locale: 'nl',
    period: { from: '2026-01-01', to: '2026-11-22' },
    funds: [
      {
        id: 'f-noordwest', name: 'Doorbraakfonds Utrecht Noordwest 2026', periodStart: '2026-01-01', periodEnd: '2026-12-31',
        budget: '50000.00', committed: '10350.00', spent: '5750.00', available: '33900.00',
        contributions: [
          { organisationName: 'Gemeente Utrecht', organisationKind: 'municipality', amount: '25000.00' },
          { organisationName: 'Zilveren Kruis', organisationKind: 'health_insurer', amount: '10000.00' },
          { organisationName: 'Altrecht GGZ', organisationKind: 'care_provider', amount: '5000.00' },
          { organisationName: 'Politie Midden-Nederland', organisationKind: 'police', amount: '5000.00' },
          { organisationName: 'Mitros', organisationKind: 'housing_corporation', amount: '5000.00' },
        ],
      },
    ],
    requests,
    barrierLabels: BARRIER_LABELS,
    lifeDomainLabels: LIFE_DOMAIN_LABELS,
    burnDown: [
      { date: '2026-01-01', committed: '0.00', spent: '0.00', available: '50000.00' },
      { date: '2026-02-03', committed: '3000.00', spent: '0.00', available: '47000.00' },
      { date: '2026-02-20', committed: '0.00', spent: '3000.00', available: '47000.00' },
      { date: '2026-03-10', committed: '2400.00', spent: '3000.00', available: '44600.00' },
      { date: '2026-03-18', committed: '0.00', spent: '5400.00', available: '44600.00' },
      { date: '2026-04-14', committed: '850.00', spent: '5400.00', available: '43750.00' },
      { date: '2026-05-08', committed: '10350.00', spent: '5400.00', available: '34250.00' },
      { date: '2026-06-01', committed: '10350.00', spent: '5750.00', available: '33900.00' },
      { date: '2026-08-13', committed: '11550.00', spent: '5750.00', available: '32700.00' },
      { date: '2026-08-20', committed: '10350.00', spent: '5750.00', available: '33900.00' },
      { date: '2026-11-22', committed: '10350.00', spent: '5750.00', available: '33900.00' },
    ],
    catalogueItemsUsed: catalogueItemsOf(requests.map((r) => r.comparison)),
    confidenceBands: FIXTURE_BANDS,
    cpiNote: FIXTURE_CPI_NOTE,
  };
}

export function railPassComparison(): Comparison {
  return fixtureComparison('3000.00', RAIL_PASS_ROUTE);
}

export function justificationFixture(): JustificationData {
  const comparison = railPassComparison();
  return {
    generatedAt: new Date('2026-11-22T13:05:00Z'),
    locale: 'nl',
    request: {
      title: 'Jaarabonnement NS voor meneer die in de trein „vergadert”',
      justification: RAIL_PASS_JUSTIFICATION,
      amount: '3000.00',
      payee: 'NS Reizigers B.V.',
      lifeDomain: 'safety',
      urgent: false,
      barriers: ['fines_spiral', 'no_transport_fund', 'domain_split'],
      existingProvisions: [
        { provision: 'Bijzondere bijstand', reason: 'Vervoer naar „vergaderingen” valt niet onder noodzakelijke kosten; aanvraag afgewezen.' },
        { provision: 'Wmo-vervoer (regiotaxi)', reason: 'Alleen binnen de regio en voor sociaal-recreatieve ritten; meneer reist door het hele land.' },
        { provision: 'Behandeling GGZ', reason: 'Schizofrenie is niet behandelbaar; meneer is niet gemotiveerd voor opname en er is geen grond voor verplichte zorg.' },
      ],
      residentWish: 'Gewoon met de trein kunnen reizen zonder steeds opgepakt te worden; „ik doe niemand kwaad”.',
      caseCode: 'UNW-7K3Q',
      neighbourhood: 'Overvecht',
      status: 'paid',
      tier: 'single',
      requesterName: 'Sanne de Vries',
      organisationName: 'Buurtteam Overvecht',
      fundName: 'Doorbraakfonds Utrecht Noordwest 2026',
      submittedAt: '2026-02-03T09:00:00+01:00',
      decisionDue: null,
    },
    comparison,
    history: [
      { at: '2026-02-03T08:40:00+01:00', actorName: 'Sanne de Vries', actorRole: 'professional', from: null, to: 'draft', reason: null },
      { at: '2026-02-03T09:00:00+01:00', actorName: 'Sanne de Vries', actorRole: 'professional', from: 'draft', to: 'submitted', reason: null },
      {
        at: '2026-02-03T14:30:00+01:00', actorName: 'Ahmed El Khatib', actorRole: 'budgethouder', from: 'submitted', to: 'approved',
        reason: 'Goedkoper dan één week detentie; casusoverleg unaniem.',
      },
      { at: '2026-02-20T10:00:00+01:00', actorName: 'Joëlle Bakker', actorRole: 'fondsbeheerder', from: 'approved', to: 'paid', reason: null },
    ],
    approvals: [
      {
        at: '2026-02-03T14:30:00+01:00', approverName: 'Ahmed El Khatib', organisationName: 'Gemeente Utrecht',
        comment: 'Goedkoper dan één week detentie; casusoverleg unaniem.',
      },
    ],
    payments: [{ at: '2026-02-20T10:00:00+01:00', amount: '3000.00', reference: 'NS-2026-000417 jaarabonnement' }],
    barrierLabels: BARRIER_LABELS,
    lifeDomainLabels: LIFE_DOMAIN_LABELS,
    catalogueItems: catalogueItemsOf([comparison]),
    confidenceBands: FIXTURE_BANDS,
  };
}
