/**
 * The cost comparison as the public API serves it (GET /api/v1/requests/:id), every figure a decimal string.
 * Every figure is reproducible from `lines`: expected = round(unitAmount × quantity × probability),
 * central = Σ expected, low/high = Σ expected × (1 ∓ band(confidence)), byBearer = Σ expected per bearer.
 */
export type Confidence = 'high' | 'medium' | 'low';
export type CostKind = 'fiscal' | 'societal';

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
  avoidedCost: ComparisonRange;
  /** fiscal and societal kept apart; fiscal + societal = avoidedCost */
  avoidedByKind: { fiscal: ComparisonRange; societal: ComparisonRange };
  netBenefit: string;
  /** central / maatwerkCost, 2 decimals; null when maatwerkCost is 0 */
  ratio: string | null;
  byBearer: { bearer: string; bearerLabel: string; low: string; central: string; high: string }[];
}

/** What a follow-up says of one conventional-route line: did it happen anyway, and how much of it. */
export interface OutcomeLine {
  costItemKey: string;
  happened: 'no' | 'partly' | 'yes';
  fraction?: string;
}
