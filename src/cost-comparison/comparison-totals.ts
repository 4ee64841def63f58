import { Dec, moneyString } from '../common/money';
import { grossLineFigures, ratioString } from './comparison';
import type { ComparisonRange, Confidence } from './comparison.types';
import { ComparisonMethod, timeFactors } from './method';

/** The totals of a comparison, as request list items carry them (no lines). */
export interface ComparisonTotals {
  priceYear: number;
  maatwerkCost: string;
  avoidedCost: ComparisonRange;
  netBenefit: string;
  ratio: string | null;
}

/**
 * What the database adds up of one request's stored lines (see comparisonTotalsSql): the gross
 * low/central/high sums of the lines that count one year, as exact decimal strings, and the lines
 * that count several years as [expected, years counted, confidence].
 */
export interface TotalsRow {
  /** null: no line counts one year (or the request has no lines) */
  low: string | null;
  central: string | null;
  high: string | null;
  multi: [string, number, Confidence][] | null;
}

/** A sum from comparisonTotalsSql as a money string: as it is when PostgreSQL wrote two decimals (numeric sums of cents do). */
const cents = (sum: string | null): string => (sum === null ? '0.00' : /^\d+\.\d{2}$/.test(sum) ? sum : moneyString(sum));

/** Parameters of comparisonTotalsSql: the confidence bands as exact decimal strings. */
export function totalsParams(bands: Readonly<Record<Confidence, Dec>>): Record<string, string> {
  return { bandHigh: bands.high.toFixed(), bandMedium: bands.medium.toFixed(), bandLow: bands.low.toFixed() };
}

/**
 * A subquery (columns request_id, low, central, high, multi) over the stored cost lines of the
 * requests that `subjects` yields (a SQL relation with columns request_id and horizon_years, the
 * horizon of the request's fund). It applies the same rule as computeComparison: expected =
 * round(unitAmount × quantity × probability, 2); a line counted for one year has gross = expected
 * and low/high = round(gross × (1 ∓ band), 2). PostgreSQL's numeric products and sums are exact
 * and its round() is half away from zero, which is half-up for these non-negative figures, so the
 * sums are to the cent what decimal.js gives. Lines counted for several years need the fund's time
 * factor, which is defined by decimal.js arithmetic rounded to six places (method.ts): they come
 * back as they are and comparisonTotalsOf prices them in code. A request without lines has no row.
 */
export function comparisonTotalsSql(subjects: string): string {
  return `(SELECT x.request_id,
                  SUM(x.expected) FILTER (WHERE x.years = 1)::text AS central,
                  SUM(round(x.expected * (1 - x.band), 2)) FILTER (WHERE x.years = 1)::text AS low,
                  SUM(round(x.expected * (1 + x.band), 2)) FILTER (WHERE x.years = 1)::text AS high,
                  json_agg(json_build_array(x.expected::text, x.years, x.confidence) ORDER BY x.position) FILTER (WHERE x.years > 1) AS multi
             FROM (SELECT l.request_id, round(l.unit_amount * l.quantity * l.probability, 2) AS expected,
                          GREATEST(1, LEAST(l.years, s.horizon_years)) AS years, l.position, ci.confidence,
                          CASE ci.confidence WHEN 'high' THEN CAST(:bandHigh AS numeric) WHEN 'medium' THEN CAST(:bandMedium AS numeric)
                                             WHEN 'low' THEN CAST(:bandLow AS numeric) END AS band
                     FROM (${subjects}) s
                     JOIN request_cost_lines l ON l.request_id = s.request_id
                     JOIN cost_items ci ON ci.id = l.cost_item_id) x
            GROUP BY x.request_id)`;
}

/**
 * The totals of one request's comparison from its TotalsRow: exactly the avoidedCost, netBenefit
 * and ratio that computeComparison gives for the same lines and method (test/requests/list-totals).
 */
export function comparisonTotalsOf(
  row: TotalsRow,
  subject: { priceYear: number; maatwerkCost: Dec; method: Pick<ComparisonMethod, 'dropOff' | 'discountRate' | 'horizonYears'> },
  bands: Readonly<Record<Confidence, Dec>>,
): ComparisonTotals {
  const maatwerk = subject.maatwerkCost;
  let avoidedCost: ComparisonRange;
  let central: Dec;
  if (!row.multi?.length) {
    // sums of whole cents, written by PostgreSQL with two decimals: already the API's strings
    avoidedCost = { low: cents(row.low), central: cents(row.central), high: cents(row.high) };
    central = new Dec(avoidedCost.central);
  } else {
    let low = new Dec(row.low ?? 0);
    central = new Dec(row.central ?? 0);
    let high = new Dec(row.high ?? 0);
    for (const [expected, years, confidence] of row.multi) {
      const band = bands[confidence];
      if (!band) throw new Error(`cost line with unknown confidence ${confidence}`);
      const f = grossLineFigures(new Dec(expected), timeFactors(years, subject.method).gross, band);
      low = low.plus(f.low);
      central = central.plus(f.gross);
      high = high.plus(f.high);
    }
    avoidedCost = { low: moneyString(low), central: moneyString(central), high: moneyString(high) };
  }
  return {
    priceYear: subject.priceYear,
    maatwerkCost: moneyString(maatwerk),
    avoidedCost,
    netBenefit: moneyString(central.minus(maatwerk)),
    ratio: ratioString(central, maatwerk),
  };
}
