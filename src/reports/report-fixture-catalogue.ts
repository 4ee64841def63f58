/**
 * A slice of the unit-cost catalogue (src/cost-comparison/data/unit-costs.csv), priced at 2026
 * with the CBS CPI, and a helper that builds consistent Comparison objects from it. Test and
 * demo data only: the real comparison is computed in src/cost-comparison.
 */
import Decimal from 'decimal.js';
import { Dec, moneyString, roundMoney } from '../common/money';
import type { Comparison, ComparisonLine, Confidence, CostKind } from '../cost-comparison/comparison.types';
import { DEFAULT_METHOD } from '../cost-comparison/method';
import type { ReportCatalogueItem } from './report-data.types';

export const FIXTURE_BANDS: Record<Confidence, string> = { high: '0.10', medium: '0.25', low: '0.50' };
export const FIXTURE_PRICE_YEAR = 2026;
export const FIXTURE_CPI_NOTE =
  'Bedragen zijn met de CBS-consumentenprijsindex (jaarmutaties) naar prijspeil 2026 gebracht. Voor 2026 is nog geen CPI bekend; daarvoor is de mutatie van 2025 (3,3%) gebruikt. Posten zonder prijsjaar zijn niet geïndexeerd.';

interface CatalogueEntry extends ReportCatalogueItem {
  unit: string;
  bearer: string;
  bearerLabel: string;
  kind: CostKind;
  /** amount at the 2026 price level */
  unitAmount2026: string;
}

const KSH =
  'Kostenhandleiding voor economische evaluaties in de gezondheidszorg (Zorginstituut NL, herziene versie 2024), referentieprijs prijspeil 2022';
const KSH_URL = 'https://github.com/tatooheene/tatooheene (data/df_ref_prices.rda)';

function entry(e: Omit<CatalogueEntry, 'version'>): CatalogueEntry {
  return { version: 1, ...e };
}

export const FIXTURE_CATALOGUE: Record<string, CatalogueEntry> = {
  detention_day: entry({
    key: 'detention_day', label: 'Dag detentie volwassene (gevangeniswezen, gemiddelde kostprijs)', unit: 'per dag',
    amount: '262.00', priceYear: 2013, bearer: 'justice', bearerLabel: 'Justitie (DJI)', kind: 'fiscal', confidence: 'medium',
    unitAmount2026: '369.91',
    source: "DJI 'Dit is DJI in feiten en cijfers' (april 2014), geciteerd in NRC Checkt (11-07-2014)",
    url: 'https://www.nrc.nl/nieuws/2014/07/11/minderjarige-gedetineerde-kost-650-euro-per-dag-1399899-a1262929',
  }),
  case_meeting: entry({
    key: 'case_meeting', label: 'Casusoverleg met zes professionals', unit: 'per overleg', amount: '1500.00', priceYear: null,
    bearer: 'municipality', bearerLabel: 'Gemeente', kind: 'fiscal', confidence: 'medium', unitAmount2026: '1500.00',
    source: "ZonMw-projectaanvraag 'Thuis in Zuidoost' (gemeente 's-Hertogenbosch e.a.): 'Casuïstiekvergaderingen met 6 man kosten 1500 euro per keer'",
    url: null,
  }),
  police_e33_incident: entry({
    key: 'police_e33_incident', label: 'Politie-inzet per E33-melding (verward gedrag)', unit: 'per melding', amount: '280.00',
    priceYear: 2023, bearer: 'police', bearerLabel: 'Politie', kind: 'fiscal', confidence: 'low', unitAmount2026: '308.64',
    source: "Afgeleid: 'telkens twee agenten minstens twee uur' (JenV, nieuws.nl 29-05-2024) × kengetal € 70/uur (2013)",
    url: 'https://nieuws.nl/algemeen/20240529/omgerekend-honderden-agenten-bezig-met-verward-gedrag/',
  }),
  ggz_paaz_puk_day: entry({
    key: 'ggz_paaz_puk_day', label: 'Verpleegdag PAAZ/PUK (proxy crisisopname)', unit: 'per dag', amount: '490.00', priceYear: 2022,
    bearer: 'health_insurer', bearerLabel: 'Zorgverzekeraar', kind: 'fiscal', confidence: 'high', unitAmount2026: '560.65',
    source: KSH, url: KSH_URL,
  }),
  ggz_clinical_day: entry({
    key: 'ggz_clinical_day', label: 'Verpleegdag psychiatrische instelling (GGZ-kliniek)', unit: 'per dag', amount: '327.00',
    priceYear: 2022, bearer: 'health_insurer', bearerLabel: 'Zorgverzekeraar', kind: 'fiscal', confidence: 'high',
    unitAmount2026: '374.15', source: KSH, url: KSH_URL,
  }),
  seh_visit: entry({
    key: 'seh_visit', label: 'Bezoek spoedeisende hulp (SEH)', unit: 'per bezoek', amount: '258.00', priceYear: 2022,
    bearer: 'health_insurer', bearerLabel: 'Zorgverzekeraar', kind: 'fiscal', confidence: 'high', unitAmount2026: '295.20',
    source: KSH, url: KSH_URL,
  }),
  beschermd_wonen_day_pgb: entry({
    key: 'beschermd_wonen_day_pgb', label: 'Beschermd wonen, pgb-tarief professionele hulp', unit: 'per etmaal', amount: '87.71',
    priceYear: 2022, bearer: 'municipality', bearerLabel: 'Gemeente', kind: 'fiscal', confidence: 'medium', unitAmount2026: '100.36',
    source: "Gemeenteblad gmb-2021-482859 'Tarieftabel pgb beschermd wonen 2022'",
    url: 'https://zoek.officielebekendmakingen.nl/gmb-2021-482859.html',
  }),
  shelter_place_year: entry({
    key: 'shelter_place_year', label: 'Plek in de (maatschappelijke) opvang', unit: 'per jaar', amount: '15000.00', priceYear: 2025,
    bearer: 'municipality', bearerLabel: 'Gemeente', kind: 'fiscal', confidence: 'low', unitAmount2026: '15495.00',
    source: "N. Boesveldt (VU) in EenVandaag (23-12-2025): 'al gauw 15.000 euro per jaar'",
    url: 'https://eenvandaag.avrotros.nl/artikelen/daklozen-zijn-een-van-duurste-bevolkingsgroepen-voor-overheid-maar-dat-hoeft-niet-zorg-wordt-pas-ingezet-als-het-misgaat-162301',
  }),
  eviction_societal: entry({
    key: 'eviction_societal', label: 'Gedwongen uithuiszetting (rekenvoorbeeld Bossche Bond)', unit: 'per uitzetting',
    amount: '6000.00', priceYear: null, bearer: 'housing_corporation', bearerLabel: 'Woningcorporatie', kind: 'fiscal',
    confidence: 'low', unitAmount2026: '6000.00',
    source: "Gemeente 's-Hertogenbosch in De Nieuwe Praktijk 'Bossche Bond': 'een gedwongen uithuiszetting kost de maatschappij circa € 6.000'",
    url: 'https://www.denieuwepraktijk.nl/praktijk/ondersteuning-kwetsbare-bewoners-bossche-bond/',
  }),
  crime_disorderly: entry({
    key: 'crime_disorderly', label: 'Openbare-ordeverstoring, maatschappelijke kosten per delict', unit: 'per delict',
    amount: '3605.00', priceYear: 2022, bearer: 'society', bearerLabel: 'Samenleving', kind: 'societal', confidence: 'medium',
    unitAmount2026: '4124.81', source: KSH, url: KSH_URL,
  }),
};

/** [catalogue key, quantity, probability] */
export type RouteInput = [key: string, quantity: string, probability: string];

function line(key: string, quantity: string, probability: string): ComparisonLine {
  const item = FIXTURE_CATALOGUE[key];
  if (!item) throw new Error(`fixture catalogue has no ${key}`);
  const expected = roundMoney(new Dec(item.unitAmount2026).times(quantity).times(probability));
  const band = new Dec(FIXTURE_BANDS[item.confidence]);
  const net = roundMoney(expected.times(new Dec(1).minus(DEFAULT_METHOD.deadweight)).times(DEFAULT_METHOD.attribution));
  return {
    costItemKey: item.key,
    costItemVersion: item.version,
    label: item.label,
    unit: item.unit,
    bearer: item.bearer,
    bearerLabel: item.bearerLabel,
    kind: item.kind,
    confidence: item.confidence,
    sourceAmount: item.amount,
    sourceYear: item.priceYear,
    unitAmount: item.unitAmount2026,
    quantity,
    probability,
    expected: expected.toFixed(2),
    low: moneyString(expected.times(new Dec(1).minus(band))),
    high: moneyString(expected.times(new Dec(1).plus(band))),
    note: null,
    unindexed: item.priceYear === null,
    // one-year lines with the fund defaults: gross = expected, net = expected × (1 − deadweight) × attribution
    budgetEffect: item.kind === 'societal' ? 'none' : 'cash',
    years: 1,
    yearsCounted: 1,
    deadweight: DEFAULT_METHOD.deadweight,
    attribution: DEFAULT_METHOD.attribution,
    defaultShares: true,
    grossFactor: '1',
    netFactor: '1',
    gross: expected.toFixed(2),
    net: net.toFixed(2),
    netLow: moneyString(net.times(new Dec(1).minus(band))),
    netHigh: moneyString(net.times(new Dec(1).plus(band))),
  };
}

const sum = (values: Decimal.Value[]) => values.reduce<Dec>((s, v) => s.plus(v), new Dec(0));

/** A Comparison whose every figure follows from its lines, as comparison.types.ts documents. */
export function fixtureComparison(maatwerkCost: string, route: RouteInput[]): Comparison {
  const lines = route.map(([k, q, p]) => line(k, q, p));
  const range = (ls: ComparisonLine[]) => ({
    low: moneyString(sum(ls.map((l) => l.low))),
    central: moneyString(sum(ls.map((l) => l.expected))),
    high: moneyString(sum(ls.map((l) => l.high))),
  });
  const netRange = (ls: ComparisonLine[]) => ({
    low: moneyString(sum(ls.map((l) => l.netLow))),
    central: moneyString(sum(ls.map((l) => l.net))),
    high: moneyString(sum(ls.map((l) => l.netHigh))),
  });
  const avoided = range(lines);
  const avoidedNet = netRange(lines);
  const bearers = [...new Set(lines.map((l) => l.bearer))];
  const cost = new Dec(maatwerkCost);
  return {
    priceYear: FIXTURE_PRICE_YEAR,
    priceNotes: ['CPI 2026 nog niet bekend: mutatie 2025 gebruikt.'],
    lines,
    maatwerkCost: moneyString(cost),
    avoidedCost: avoided,
    avoidedCostNet: avoidedNet,
    method: { ...DEFAULT_METHOD },
    avoidedNetByKind: {
      fiscal: netRange(lines.filter((l) => l.kind === 'fiscal')),
      societal: netRange(lines.filter((l) => l.kind === 'societal')),
    },
    avoidedNetByBudgetEffect: {
      cash: netRange(lines.filter((l) => l.budgetEffect === 'cash')),
      capacity: netRange(lines.filter((l) => l.budgetEffect === 'capacity')),
      none: netRange(lines.filter((l) => l.budgetEffect === 'none')),
    },
    netBenefitNet: moneyString(new Dec(avoidedNet.central).minus(cost)),
    ratioNet: cost.isZero() ? null : new Dec(avoidedNet.central).dividedBy(cost).toFixed(2, Decimal.ROUND_HALF_UP),
    avoidedByKind: {
      fiscal: range(lines.filter((l) => l.kind === 'fiscal')),
      societal: range(lines.filter((l) => l.kind === 'societal')),
    },
    netBenefit: moneyString(new Dec(avoided.central).minus(cost)),
    ratio: cost.isZero() ? null : new Dec(avoided.central).dividedBy(cost).toFixed(2, Decimal.ROUND_HALF_UP),
    byBearer: bearers.map((bearer) => {
      const ls = lines.filter((l) => l.bearer === bearer);
      return { bearer, bearerLabel: ls[0].bearerLabel, ...range(ls), net: netRange(ls) };
    }),
  };
}

/** The catalogue items (as the report data lists them) used by these comparisons. */
export function catalogueItemsOf(comparisons: Comparison[]): ReportCatalogueItem[] {
  const keys = [...new Set(comparisons.flatMap((c) => c.lines.map((l) => l.costItemKey)))];
  return keys.map((k) => {
    const { key, version, label, amount, priceYear, source, url, confidence } = FIXTURE_CATALOGUE[k];
    return { key, version, label, amount, priceYear, source, url, confidence };
  });
}
