import type { ComparisonMethod } from './method';

/**
 * The cost comparison as the public API serves it (GET /api/v1/requests/:id), every figure a decimal string.
 * Every figure is reproducible from `lines` and `method`:
 * - expected = round(unitAmount × quantity × probability): one year of the conventional route;
 * - gross = round(expected × grossFactor), grossFactor = Σ_{t<years} 1/(1+r)^t (1 for a one-year line);
 * - net = round(expected × (1 − deadweight) × attribution × netFactor),
 *   netFactor = Σ_{t<years} (1 − dropOff)^t/(1+r)^t;
 * - low/high = round(gross × (1 ∓ band(confidence))), netLow/netHigh the same on net;
 * - avoidedCost = Σ gross (= Σ expected when every line covers one year), avoidedCostNet = Σ net,
 *   byBearer = the same sums per bearer.
 */
export type Confidence = 'high' | 'medium' | 'low';
export type CostKind = 'fiscal' | 'societal';
/**
 * What avoiding the cost does for its bearer's budget: `cash` frees money that would have been
 * paid out (a tariff per day or contact); `capacity` frees only staff time or a place that is paid
 * for anyway (a police hour, a case meeting); `none` is a societal cost no budget pays.
 */
export type BudgetEffect = 'cash' | 'capacity' | 'none';

export interface ComparisonLine {
  costItemKey: string;
  /** catalogue version the line was priced with; old requests keep theirs */
  costItemVersion: number;
  label: string;
  unit: string;
  bearer: string;
  bearerLabel: string;
  kind: CostKind;
  confidence: Confidence;
  /** catalogue amount in its own price year */
  sourceAmount: string;
  sourceYear: number | null;
  /** unit amount brought to the comparison's price year (CPI), rounded to cents */
  unitAmount: string;
  quantity: string;
  probability: string;
  expected: string;
  low: string;
  high: string;
  note: string | null;
  /** true when the catalogue gives no price year, so the amount is used as is */
  unindexed: boolean;
  budgetEffect: BudgetEffect;
  /** years the route line recurs as entered (quantity is per year) */
  years: number;
  /** years counted: min(years, method.horizonYears) */
  yearsCounted: number;
  /** share avoided anyway without the request: the line's own or the fund default */
  deadweight: string;
  /** share of the effect attributable to this request: the line's own or the fund default */
  attribution: string;
  /** true when deadweight and attribution are the fund defaults */
  defaultShares: boolean;
  grossFactor: string;
  netFactor: string;
  gross: string;
  net: string;
  netLow: string;
  netHigh: string;
}

export interface ComparisonRange {
  low: string;
  central: string;
  high: string;
}

export interface Comparison {
  priceYear: number;
  /** human-readable remarks on the price level (e.g. CPI only known up to 2025) */
  priceNotes: string[];
  lines: ComparisonLine[];
  maatwerkCost: string;
  /** gross: the requester's estimate over the counted years, discounted, uncorrected */
  avoidedCost: ComparisonRange;
  /** net of deadweight, attribution and drop-off, discounted: what reports use */
  avoidedCostNet: ComparisonRange;
  /** the method the net figures were computed with (the fund's settings) */
  method: ComparisonMethod;
  /** fiscal and societal kept apart; fiscal + societal = avoidedCost */
  avoidedByKind: { fiscal: ComparisonRange; societal: ComparisonRange };
  /** net avoided cost, fiscal and societal apart */
  avoidedNetByKind: { fiscal: ComparisonRange; societal: ComparisonRange };
  /** net avoided cost by what it frees: cash, only capacity, or no budget at all (societal) */
  avoidedNetByBudgetEffect: Record<BudgetEffect, ComparisonRange>;
  /** avoidedCost.central − maatwerkCost */
  netBenefit: string;
  /** central / maatwerkCost, 2 decimals; null when maatwerkCost is 0 */
  ratio: string | null;
  /** avoidedCostNet.central − maatwerkCost */
  netBenefitNet: string;
  ratioNet: string | null;
  byBearer: ComparisonBearer[];
}

export interface ComparisonBearer {
  bearer: string;
  bearerLabel: string;
  /** gross */
  low: string;
  central: string;
  high: string;
  net: ComparisonRange;
}

/** What a follow-up says of one conventional-route line: did it happen anyway, and how much of it. */
export interface OutcomeLine {
  costItemKey: string;
  happened: 'no' | 'partly' | 'yes';
  fraction?: string;
}
