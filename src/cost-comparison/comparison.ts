import Decimal from 'decimal.js';
import { Dec, moneyString, roundMoney, sumDec } from '../common/money';
import { BudgetEffect, Comparison, ComparisonLine, ComparisonRange, Confidence, CostKind } from './comparison.types';
import { CpiSeries } from './cpi';
import { ComparisonMethod, DEFAULT_METHOD, methodStrings, timeFactors } from './method';

/**
 * Relative uncertainty per confidence level; a line's range is expected × (1 ∓ band).
 *
 * - high 10 %: official reference prices (Zorginstituut Kostenhandleiding) computed with a
 *   documented method; what remains uncertain is mostly local variation and indexation.
 * - medium 25 %: real figures that are one step removed from this case: a single municipality's
 *   tariff (tariffs vary between municipalities), a dated official figure quoted second-hand, or
 *   a project application without a year.
 * - low 50 %: derived rules of thumb and ballpark quotes (hourly rate × assumed hours, an expert's
 *   "al gauw" in the media); the order of magnitude is right, the figure is not.
 *
 * The bands express the uncertainty of the unit cost only. The uncertainty of quantity and
 * probability is the requester's estimate and is made visible by showing them per line.
 */
export const DEFAULT_CONFIDENCE_BANDS: Readonly<Record<Confidence, Dec>> = {
  high: new Dec('0.10'),
  medium: new Dec('0.25'),
  low: new Dec('0.50'),
};

/** A catalogue amount in the price level of the comparison, and how it got there. */
export interface PricedUnit {
  /** rounded to cents, so that every line figure can be recomputed from the shown unit amount */
  unitAmount: Dec;
  /** true when the item has no price year and the amount is used as is */
  unindexed: boolean;
  notes: string[];
}

/** Bring a catalogue amount from its own price year to `priceYear` with the CPI. */
export function priceUnit(
  item: { amount: Decimal.Value; priceYear: number | null },
  priceYear: number,
  cpi: CpiSeries,
): PricedUnit {
  const { factor, notes } = cpi.factor(item.priceYear, priceYear);
  return {
    unitAmount: roundMoney(new Dec(item.amount).times(factor)),
    unindexed: item.priceYear === null,
    notes,
  };
}

/** One line of the conventional route, already priced (see {@link priceUnit}). */
export interface ComparisonLineInput {
  costItemKey: string;
  costItemVersion: number;
  label: string;
  unit: string;
  bearer: string;
  bearerLabel: string;
  kind: CostKind;
  confidence: Confidence;
  sourceAmount: Decimal.Value;
  sourceYear: number | null;
  unitAmount: Decimal.Value;
  quantity: Decimal.Value;
  /** chance (0..1) that this part of the conventional route would happen without the maatwerk */
  probability: Decimal.Value;
  note: string | null;
  unindexed: boolean;
  /** default 'cash' for fiscal and 'none' for societal items */
  budgetEffect?: BudgetEffect;
  /** years the line recurs (quantity is per year); default 1 */
  years?: number;
  /** the line's own shares; null or absent: the method's (fund's) default */
  deadweight?: Decimal.Value | null;
  attribution?: Decimal.Value | null;
}

export interface ComparisonInput {
  priceYear: number;
  priceNotes?: string[];
  maatwerkCost: Decimal.Value;
  lines: ComparisonLineInput[];
  bands?: Readonly<Record<Confidence, Dec>>;
  /** the fund's method; DEFAULT_METHOD when absent */
  method?: ComparisonMethod;
}

interface LineFigures {
  gross: Dec;
  low: Dec;
  high: Dec;
  netLow: Dec;
  net: Dec;
  netHigh: Dec;
}

const BUDGET_EFFECTS: readonly BudgetEffect[] = ['cash', 'capacity', 'none'];

/**
 * Compare a maatwerk expense with the conventional route it avoids.
 *
 * Per line: expected = round(unitAmount × quantity × probability) is one year of the route;
 * gross = round(expected × grossFactor) over the counted years, discounted; net = round(expected ×
 * (1 − deadweight) × attribution × netFactor); low/high = round(gross × (1 ∓ band(confidence))) and
 * the same on net (see method.ts for the factors). Totals are sums of the rounded line figures,
 * never re-rounded, so a reader can add up the lines on paper and land on the same cents.
 * netBenefit = central − maatwerkCost; ratio = central / maatwerkCost to 2 decimals, null when
 * maatwerkCost is 0; netBenefitNet and ratioNet the same on the net central figure.
 */
export function computeComparison(input: ComparisonInput): Comparison {
  const bands = input.bands ?? DEFAULT_CONFIDENCE_BANDS;
  const method = input.method ?? DEFAULT_METHOD;
  const { shares: defaults, strings: methodText } = checkedMethod(method);
  const maatwerk = new Dec(input.maatwerkCost);
  if (maatwerk.isNegative()) throw new RangeError('maatwerkCost must not be negative');

  const priced = input.lines.map((line, index) => priceLine(line, index, bands, method, defaults));
  const lines = priced.map(({ line }) => line);
  const figures = priced.map(({ figures: f }) => f);
  const central = sumDec(figures.map((f) => f.gross));
  const netCentral = sumDec(figures.map((f) => f.net));
  const where = (keep: (line: ComparisonLine) => boolean) => figures.filter((_, i) => keep(lines[i]));

  return {
    priceYear: input.priceYear,
    // The same CPI remark comes back for every indexed line; say it once.
    priceNotes: [...new Set(input.priceNotes ?? [])],
    lines,
    maatwerkCost: moneyString(maatwerk),
    avoidedCost: rangeOf(figures),
    avoidedCostNet: netRangeOf(figures),
    method: { ...methodText },
    avoidedByKind: {
      fiscal: rangeOf(where((l) => l.kind === 'fiscal')),
      societal: rangeOf(where((l) => l.kind === 'societal')),
    },
    avoidedNetByKind: {
      fiscal: netRangeOf(where((l) => l.kind === 'fiscal')),
      societal: netRangeOf(where((l) => l.kind === 'societal')),
    },
    avoidedNetByBudgetEffect: {
      cash: netRangeOf(where((l) => l.budgetEffect === 'cash')),
      capacity: netRangeOf(where((l) => l.budgetEffect === 'capacity')),
      none: netRangeOf(where((l) => l.budgetEffect === 'none')),
    },
    netBenefit: moneyString(central.minus(maatwerk)),
    ratio: ratioString(central, maatwerk),
    netBenefitNet: moneyString(netCentral.minus(maatwerk)),
    ratioNet: ratioString(netCentral, maatwerk),
    byBearer: groupByBearer(lines, figures),
  };
}

/** A share as a Dec, refused outside 0..1 (RangeError naming the field). */
function share(value: Decimal.Value, field: string): Dec {
  const d = new Dec(value);
  if (!d.isFinite() || d.isNegative() || d.greaterThan(1)) throw new RangeError(`${field} must be between 0 and 1`);
  return d;
}

interface MethodShares {
  deadweight: Dec;
  attribution: Dec;
  /** (1 − deadweight) × attribution */
  keep: Dec;
}

function methodShares(m: ComparisonMethod): MethodShares {
  const deadweight = share(m.deadweight, 'method.deadweight');
  const attribution = share(m.attribution, 'method.attribution');
  return { deadweight, attribution, keep: new Dec(1).minus(deadweight).times(attribution) };
}

const ONE = new Dec(1);

const CHECKED_METHODS = new Map<string, { shares: MethodShares; strings: ComparisonMethod }>();

/**
 * A method checked (checkMethod), with its default shares and its canonical strings, worked out
 * once per distinct setting: a report compares thousands of requests under the few methods of its
 * funds. Keyed by the values, so a caller that changes a method object gets it checked again.
 */
function checkedMethod(m: ComparisonMethod): { shares: MethodShares; strings: ComparisonMethod } {
  const key = `${m.deadweight}|${m.attribution}|${m.dropOff}|${m.discountRate}|${m.horizonYears}`;
  let c = CHECKED_METHODS.get(key);
  if (!c) {
    c = { shares: methodShares(checkMethod(m)), strings: methodStrings(m) };
    if (CHECKED_METHODS.size > 1000) CHECKED_METHODS.clear();
    CHECKED_METHODS.set(key, c);
  }
  return c;
}

function checkMethod(m: ComparisonMethod): ComparisonMethod {
  share(m.deadweight, 'method.deadweight');
  share(m.attribution, 'method.attribution');
  share(m.dropOff, 'method.dropOff');
  if (new Dec(m.discountRate).isNegative()) throw new RangeError('method.discountRate must not be negative');
  if (!Number.isInteger(m.horizonYears) || m.horizonYears < 1 || m.horizonYears > 50) {
    throw new RangeError('method.horizonYears must be a whole number from 1 to 50');
  }
  return m;
}

/**
 * central / base as a 2-decimal string, or null when base is 0. Rounded through roundMoney because
 * it applies exactly the agreed rule (half-up, 2 decimals) and is the single rounding site.
 */
export function ratioString(central: Decimal.Value, base: Decimal.Value): string | null {
  const divisor = new Dec(base);
  if (divisor.isZero()) return null;
  return roundMoney(new Dec(central).dividedBy(divisor)).toFixed(2);
}

function priceLine(
  input: ComparisonLineInput,
  index: number,
  bands: Readonly<Record<Confidence, Dec>>,
  method: ComparisonMethod,
  defaults: MethodShares,
): { line: ComparisonLine; figures: LineFigures } {
  // Round the unit amount first: the line shows it, so expected must follow from the shown value.
  const unitAmount = roundMoney(input.unitAmount);
  const quantity = new Dec(input.quantity);
  const probability = new Dec(input.probability);
  const where = `lines[${index}] (${input.costItemKey})`;
  if (unitAmount.isNegative()) throw new RangeError(`${where}: unitAmount must not be negative`);
  if (quantity.isNegative()) throw new RangeError(`${where}: quantity must not be negative`);
  if (probability.isNegative() || probability.greaterThan(1)) {
    throw new RangeError(`${where}: probability must be between 0 and 1`);
  }
  const lineYears = input.years ?? 1;
  if (!Number.isInteger(lineYears) || lineYears < 1 || lineYears > 50) {
    throw new RangeError(`${where}: years must be a whole number from 1 to 50`);
  }
  const ownShares = input.deadweight != null || input.attribution != null;
  const deadweight = input.deadweight == null ? defaults.deadweight : share(input.deadweight, `${where}: deadweight`);
  const attribution = input.attribution == null ? defaults.attribution : share(input.attribution, `${where}: attribution`);
  const keep = ownShares ? ONE.minus(deadweight).times(attribution) : defaults.keep;
  const budgetEffect = input.budgetEffect ?? (input.kind === 'societal' ? 'none' : 'cash');
  if (!BUDGET_EFFECTS.includes(budgetEffect)) throw new RangeError(`${where}: unknown budget effect ${budgetEffect}`);
  const time = timeFactors(lineYears, method);
  const band = bands[input.confidence];
  const expected = roundMoney(unitAmount.times(quantity).times(probability));
  const { gross, low, high } = grossLineFigures(expected, time.gross, band);
  const net = roundMoney(time.net.eq(ONE) ? expected.times(keep) : expected.times(keep).times(time.net));
  const figures: LineFigures = {
    gross,
    low,
    high,
    net,
    netLow: roundMoney(net.times(bandFactors(band).lower)),
    netHigh: roundMoney(net.times(bandFactors(band).upper)),
  };
  const line: ComparisonLine = {
    costItemKey: input.costItemKey,
    costItemVersion: input.costItemVersion,
    label: input.label,
    unit: input.unit,
    bearer: input.bearer,
    bearerLabel: input.bearerLabel,
    kind: input.kind,
    confidence: input.confidence,
    sourceAmount: moneyString(input.sourceAmount),
    sourceYear: input.sourceYear,
    unitAmount: unitAmount.toFixed(2),
    quantity: quantity.toFixed(),
    probability: probability.toFixed(),
    expected: expected.toFixed(2),
    low: figures.low.toFixed(2),
    high: figures.high.toFixed(2),
    note: input.note,
    unindexed: input.unindexed,
    budgetEffect,
    years: lineYears,
    yearsCounted: time.years,
    deadweight: deadweight.toFixed(),
    attribution: attribution.toFixed(),
    defaultShares: !ownShares,
    grossFactor: time.gross.toFixed(),
    netFactor: time.net.toFixed(),
    gross: gross.toFixed(2),
    net: net.toFixed(2),
    netLow: figures.netLow.toFixed(2),
    netHigh: figures.netHigh.toFixed(2),
  };
  return { line, figures };
}

/**
 * The gross figures of one line from its expected amount (one year, rounded), its gross time factor
 * and its confidence band: gross = round(expected × factor), low/high = round(gross × (1 ∓ band)).
 * The list totals (comparison-totals.ts) use the same function for lines that span several years.
 */
export function grossLineFigures(expected: Dec, grossFactor: Dec, band: Dec): { gross: Dec; low: Dec; high: Dec } {
  // a one-year line (factor exactly 1) skips a multiplication; the result is the same
  const gross = grossFactor.eq(ONE) ? expected : roundMoney(expected.times(grossFactor));
  const { lower, upper } = bandFactors(band);
  return { gross, low: roundMoney(gross.times(lower)), high: roundMoney(gross.times(upper)) };
}

const BAND_FACTORS = new WeakMap<Dec, { lower: Dec; upper: Dec }>();

/** 1 − band and 1 + band, worked out once per band (a report multiplies tens of thousands of lines by them). */
function bandFactors(band: Dec): { lower: Dec; upper: Dec } {
  let f = BAND_FACTORS.get(band);
  if (!f) BAND_FACTORS.set(band, (f = { lower: ONE.minus(band), upper: ONE.plus(band) }));
  return f;
}

/** Sums of the rounded line figures; no lines is zero, one line is that line's own (already rounded) figures. */
function rangeOf(figures: LineFigures[]): ComparisonRange {
  if (figures.length === 0) return { low: '0.00', central: '0.00', high: '0.00' };
  if (figures.length === 1) return { low: figures[0].low.toFixed(2), central: figures[0].gross.toFixed(2), high: figures[0].high.toFixed(2) };
  return {
    low: moneyString(sumDec(figures.map((f) => f.low))),
    central: moneyString(sumDec(figures.map((f) => f.gross))),
    high: moneyString(sumDec(figures.map((f) => f.high))),
  };
}

function netRangeOf(figures: LineFigures[]): ComparisonRange {
  if (figures.length === 0) return { low: '0.00', central: '0.00', high: '0.00' };
  if (figures.length === 1) return { low: figures[0].netLow.toFixed(2), central: figures[0].net.toFixed(2), high: figures[0].netHigh.toFixed(2) };
  return {
    low: moneyString(sumDec(figures.map((f) => f.netLow))),
    central: moneyString(sumDec(figures.map((f) => f.net))),
    high: moneyString(sumDec(figures.map((f) => f.netHigh))),
  };
}

function groupByBearer(lines: ComparisonLine[], figures: LineFigures[]): Comparison['byBearer'] {
  const groups = new Map<string, { bearerLabel: string; figures: LineFigures[] }>();
  lines.forEach((line, i) => {
    const group = groups.get(line.bearer) ?? { bearerLabel: line.bearerLabel, figures: [] };
    group.figures.push(figures[i]);
    groups.set(line.bearer, group);
  });
  return [...groups.entries()]
    .map(([bearer, g]) => ({ bearer, bearerLabel: g.bearerLabel, ...rangeOf(g.figures), net: netRangeOf(g.figures) }))
    .sort((a, b) => new Dec(b.central).comparedTo(a.central) || compareKeys(a.bearer, b.bearer));
}

/** Plain code-point order, so the result does not depend on the server's locale. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
