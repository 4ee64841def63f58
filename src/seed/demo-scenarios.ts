import type { LifeDomain } from '../cases/life-domains';

/** One step on the demo timeline: an action by a demo user at a moment in the current year. */
export type DemoAction =
  | { do: 'create' }
  | { do: 'submit' }
  | { do: 'approve'; by: string; comment?: string }
  | { do: 'reject'; by: string; reason: string }
  | { do: 'requestInfo'; by: string; question: string }
  | { do: 'withdraw'; reason: string }
  | { do: 'cancel'; by: string; reason: string }
  | { do: 'pay'; reference: string }
  | { do: 'outcome'; months: 3 | 6 | 12; goalReached: 'yes' | 'partly' | 'no'; happened: Record<string, ['no' | 'partly' | 'yes', string?]>; note: string };

export interface DemoRequest {
  caseKey: string;
  requester: string;
  title: string;
  justification: string;
  amount: string;
  payee: string;
  /**
   * The payee's account (paper format). Fictitious: the bank code DEMO belongs to no bank, so a
   * payment file made from demo data cannot move money; the check digits are right (mod 97).
   */
  payeeIban?: string;
  lifeDomain: LifeDomain;
  urgent: boolean;
  barriers: string[];
  existingProvisions: { provision: string; reason: 'too_slow' | 'not_eligible' | 'none_exists' | 'other'; note?: string }[];
  residentWish: string;
  route: { costItemKey: string; quantity: string; probability: string; note?: string }[];
  retroactive?: { reference: string };
  /** [month (1-12), day, hour, action] in the current year */
  steps: [number, number, number, DemoAction][];
}

export const DEMO_CASES: { key: string; neighbourhood: string; lifeDomains: LifeDomain[]; lead: string }[] = [
  { key: 'treinreiziger', neighbourhood: 'Zuidoost', lifeDomains: ['safety', 'care_support', 'daytime_activity'], lead: 'professional@demo.local' },
  { key: 'huurachterstand', neighbourhood: 'Zuidoost', lifeDomains: ['housing', 'income_debts'], lead: 'professional@demo.local' },
  { key: 'zorgmijder', neighbourhood: 'Bijlmer-Centrum', lifeDomains: ['care_support', 'social_network'], lead: 'professional@demo.local' },
  { key: 'dagbesteding', neighbourhood: 'Gaasperdam', lifeDomains: ['daytime_activity', 'income_debts'], lead: 'professional2@demo.local' },
  { key: 'verhuizing', neighbourhood: 'Gaasperdam', lifeDomains: ['housing', 'safety'], lead: 'professional2@demo.local' },
];

const P1 = 'professional@demo.local';
const P2 = 'professional2@demo.local';
const BH = 'budgethouder@demo.local';
const BH2 = 'budgethouder2@demo.local';

/** Requests in every state, starting with the canonical case: a rail pass instead of detention. */
export const DEMO_REQUESTS: DemoRequest[] = [
  {
    caseKey: 'treinreiziger', requester: P1, title: 'Jaarabonnement NS voor meneer die zonder kaartje reist',
    justification: 'Meneer is ervan overtuigd dat hij namens het bestuur van een oliemaatschappij vergadert en reist daarvoor het land door zonder kaartje. Boete na boete eindigt in detentie. Met een jaarabonnement reist hij legaal en vriendelijk als altijd; de conducteurs kennen hem.',
    amount: '3000.00', payee: 'NS Reizigers B.V.', payeeIban: 'NL39 DEMO 0123 4500 01', lifeDomain: 'safety', urgent: false,
    barriers: ['rules_protocol', 'funding_split'],
    existingProvisions: [{ provision: 'Wmo-vervoersvoorziening', reason: 'not_eligible', note: 'alleen regionaal vervoer' }],
    residentWish: 'Gewoon kunnen reizen zonder gedoe met de conducteur.',
    route: [
      { costItemKey: 'detention_day', quantity: '365', probability: '0.5', note: 'een jaar detentie na opgestapelde boetes' },
      { costItemKey: 'case_meeting', quantity: '6', probability: '1', note: 'casusoverleggen die anders nodig blijven' },
    ],
    steps: [[2, 3, 9, { do: 'create' }], [2, 3, 10, { do: 'submit' }], [2, 4, 14, { do: 'approve', by: BH, comment: 'Goedkoper en menselijker dan detentie.' }], [2, 6, 11, { do: 'pay', reference: 'NS-2026-0042' }],
      [8, 10, 10, { do: 'outcome', months: 6, goalReached: 'yes', happened: { detention_day: ['no'], case_meeting: ['partly', '0.3333'] }, note: 'Geen boetes of detentie meer; twee overleggen waren nog nodig.' }]],
  },
  {
    caseKey: 'huurachterstand', requester: P1, title: 'Huurachterstand aflossen om uitzetting te voorkomen',
    justification: 'Door een stopgezette uitkering is een huurachterstand ontstaan. De woningcorporatie start de ontruimingsprocedure. De uitkering loopt weer; alleen de achterstand staat in de weg.',
    amount: '2800.00', payee: 'Woningcorporatie Thuisbasis', payeeIban: 'NL12 DEMO 0123 4500 02', lifeDomain: 'housing', urgent: true,
    barriers: ['benefit_stopped', 'debts'],
    existingProvisions: [{ provision: 'Schuldhulpverlening gemeente', reason: 'too_slow', note: 'wachttijd 8 weken, ontruiming over 2 weken' }],
    residentWish: 'In mijn huis blijven wonen met mijn kat.',
    route: [
      { costItemKey: 'eviction_societal', quantity: '1', probability: '0.8', note: 'ontruiming zonder ingrijpen' },
      { costItemKey: 'shelter_place_year', quantity: '0.25', probability: '0.6', note: 'drie maanden opvang na ontruiming' },
      { costItemKey: 'case_meeting', quantity: '3', probability: '1' },
    ],
    steps: [[4, 14, 8, { do: 'create' }], [4, 14, 9, { do: 'submit' }], [4, 14, 15, { do: 'approve', by: BH, comment: 'Urgent: ontruiming voorkomen.' }], [4, 15, 10, { do: 'pay', reference: 'TB-HUUR-2231' }]],
  },
  {
    caseKey: 'zorgmijder', requester: P1, title: 'Tijdelijke kamer na dakloosheid, wachtend op begeleid wonen',
    justification: 'Mevrouw slaapt buiten en mijdt de opvang. Een pensionkamer voor drie maanden overbrugt de wachtlijst voor begeleid wonen.',
    amount: '4200.00', payee: 'Pension De Linde', payeeIban: 'NL82 DEMO 0123 4500 03', lifeDomain: 'housing', urgent: false,
    barriers: ['waiting_list', 'no_suitable_housing'],
    existingProvisions: [{ provision: 'Nachtopvang', reason: 'other', note: 'mevrouw weigert slaapzalen' }],
    residentWish: 'Een eigen deur die op slot kan.',
    route: [
      { costItemKey: 'ggz_paaz_puk_day', quantity: '14', probability: '0.4', note: 'crisisopname bij verdere ontregeling' },
      { costItemKey: 'police_e33_incident', quantity: '6', probability: '0.7' },
    ],
    steps: [[6, 2, 10, { do: 'create' }], [6, 2, 11, { do: 'submit' }], [6, 4, 16, { do: 'approve', by: BH2, comment: 'Akkoord, evalueren na drie maanden.' }]],
  },
  {
    caseKey: 'dagbesteding', requester: P2, title: 'Gereedschap en cursus voor eigen fietsenmakerij',
    justification: 'Meneer is al jaren uit beeld bij werk en dagbesteding. Hij repareert fietsen voor de buurt; met gereedschap en een korte cursus kan hij dat structureel doen.',
    amount: '1450.00', payee: 'Fietsvakschool Amsterdam', payeeIban: 'NL55 DEMO 0123 4500 04', lifeDomain: 'daytime_activity', urgent: false,
    barriers: ['no_fitting_provision'],
    existingProvisions: [{ provision: 'Dagbesteding Wmo', reason: 'none_exists', note: 'geen passend aanbod' }],
    residentWish: 'Iets doen waar ik goed in ben.',
    route: [{ costItemKey: 'home_guidance_hour', quantity: '60', probability: '0.5' }],
    steps: [[9, 8, 9, { do: 'create' }], [9, 8, 10, { do: 'submit' }], [9, 9, 11, { do: 'requestInfo', by: BH, question: 'Is er een offerte van de cursus, en wie begeleidt de start?' }]],
  },
  {
    caseKey: 'verhuizing', requester: P2, title: 'Verhuiskosten naar een veiligere woning',
    justification: 'Mevrouw wordt in haar portiek bedreigd. De corporatie biedt een andere woning aan; de verhuiskosten kan zij niet betalen.',
    amount: '1900.00', payee: 'Verhuisbedrijf Snel', payeeIban: 'NL28 DEMO 0123 4500 05', lifeDomain: 'safety', urgent: true,
    barriers: ['funding_split'],
    existingProvisions: [{ provision: 'Bijzondere bijstand', reason: 'not_eligible', note: 'inkomen net boven de grens' }],
    residentWish: 'Rustig kunnen slapen.',
    route: [{ costItemKey: 'police_e33_incident', quantity: '4', probability: '0.5' }],
    steps: [[10, 20, 9, { do: 'create' }], [10, 20, 10, { do: 'submit' }], [10, 21, 13, { do: 'reject', by: BH2, reason: 'De corporatie vergoedt verhuiskosten bij urgentie; eerst daar aanvragen.' }]],
  },
  {
    caseKey: 'zorgmijder', requester: P1, title: 'Nieuwe identiteitskaart en telefoon',
    justification: 'Zonder ID en telefoon kan mevrouw geen uitkering aanvragen of afspraken maken.',
    amount: '180.00', payee: 'Gemeente Zuidoost, Burgerzaken', payeeIban: 'NL98 DEMO 0123 4500 06', lifeDomain: 'income_debts', urgent: false,
    barriers: ['rules_protocol'], existingProvisions: [], residentWish: 'Weer bereikbaar zijn.',
    route: [{ costItemKey: 'social_work_contact', quantity: '4', probability: '0.8' }],
    steps: [[3, 11, 14, { do: 'create' }], [3, 11, 14, { do: 'submit' }], [3, 12, 10, { do: 'pay', reference: 'KAS-0311' }]],
  },
  {
    caseKey: 'treinreiziger', requester: P1, title: 'Taxi naar de huisarts (achteraf geregistreerd)',
    justification: 'Meneer moest dezelfde dag naar de huisarts en wilde alleen met mij mee; ik heb de taxi voorgeschoten.',
    amount: '65.00', payee: 'Taxicentrale Zuidoost', lifeDomain: 'care_support', urgent: true,
    barriers: [], existingProvisions: [], residentWish: '',
    route: [{ costItemKey: 'seh_visit', quantity: '1', probability: '0.3' }],
    retroactive: { reference: 'BON-7781' },
    steps: [[5, 6, 16, { do: 'create' }]],
  },
  {
    caseKey: 'dagbesteding', requester: P2, title: 'Intensieve woonbegeleiding gedurende drie maanden',
    justification: 'Na een opname is intensieve begeleiding nodig om terugval te voorkomen; de reguliere indicatie duurt vier maanden.',
    amount: '7500.00', payee: 'Begeleidingsdienst Samen', payeeIban: 'NL44 DEMO 0123 4500 08', lifeDomain: 'care_support', urgent: false,
    barriers: ['waiting_list'],
    existingProvisions: [{ provision: 'Wmo-begeleiding', reason: 'too_slow' }],
    residentWish: 'Niet weer opgenomen worden.',
    route: [{ costItemKey: 'ggz_clinical_day', quantity: '60', probability: '0.5' }],
    steps: [[7, 1, 9, { do: 'create' }], [7, 1, 10, { do: 'submit' }], [7, 2, 11, { do: 'approve', by: BH }], [7, 3, 15, { do: 'approve', by: BH2, comment: 'Tweede akkoord (GGZ).' }], [7, 10, 9, { do: 'pay', reference: 'BDS-2026-17' }]],
  },
  {
    caseKey: 'huurachterstand', requester: P1, title: 'Energieschuld voorkomen afsluiting',
    justification: 'Afsluiting van gas en licht dreigt; het budgetbeheer start volgende maand.',
    amount: '950.00', payee: 'Energieleverancier', payeeIban: 'NL17 DEMO 0123 4500 09', lifeDomain: 'income_debts', urgent: true,
    barriers: ['debts'], existingProvisions: [], residentWish: 'Warm blijven deze winter.',
    route: [{ costItemKey: 'social_work_contact', quantity: '6', probability: '0.6' }],
    steps: [[11, 2, 9, { do: 'create' }], [11, 2, 10, { do: 'submit' }], [11, 3, 9, { do: 'approve', by: BH }], [11, 5, 12, { do: 'cancel', by: BH, reason: 'Energieleverancier heeft de schuld zelf kwijtgescholden.' }]],
  },
  {
    caseKey: 'zorgmijder', requester: P1, title: 'Fiets om naar de dagopvang te gaan',
    justification: 'Mevrouw wil naar de dagopvang maar het OV is te duur.',
    amount: '240.00', payee: 'Kringloopwinkel', payeeIban: 'NL87 DEMO 0123 4500 10', lifeDomain: 'daytime_activity', urgent: false,
    barriers: [], existingProvisions: [], residentWish: '',
    route: [{ costItemKey: 'social_work_contact', quantity: '2', probability: '0.5' }],
    steps: [[8, 18, 11, { do: 'create' }], [8, 18, 12, { do: 'withdraw', reason: 'Een buurman heeft een fiets gegeven.' }]],
  },
  {
    caseKey: 'verhuizing', requester: P2, title: 'Slot en deurspion na inbraakpoging',
    justification: 'Na een inbraakpoging durft mevrouw niet te slapen; de corporatie vervangt het slot pas over zes weken.',
    amount: '1200.00', payee: 'Slotenmaker Veilig', payeeIban: 'NL60 DEMO 0123 4500 11', lifeDomain: 'safety', urgent: true,
    barriers: ['waiting_list'], existingProvisions: [], residentWish: 'Me veilig voelen in mijn huis.',
    route: [{ costItemKey: 'police_e33_incident', quantity: '3', probability: '0.5' }],
    steps: [[11, 21, 9, { do: 'create' }], [11, 21, 10, { do: 'submit' }]],
  },
  {
    caseKey: 'dagbesteding', requester: P2, title: 'Opleidingskosten heftruckcertificaat',
    justification: 'Een werkgever wil meneer aannemen zodra hij het certificaat heeft.',
    amount: '890.00', payee: 'Opleidingscentrum Logistiek', payeeIban: 'NL33 DEMO 0123 4500 12', lifeDomain: 'daytime_activity', urgent: false,
    barriers: ['no_fitting_provision'], existingProvisions: [], residentWish: 'Werk.',
    route: [{ costItemKey: 'home_guidance_hour', quantity: '20', probability: '0.5' }],
    steps: [[11, 22, 8, { do: 'create' }]],
  },
];
