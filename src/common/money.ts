import Decimal from 'decimal.js';

/**
 * The one Decimal flavour used for money in this code base: 34 significant digits, so that
 * intermediate products (amount × quantity × probability × CPI factor) never lose precision.
 */
export const Dec = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** Upper bound for any single amount accepted from outside (API.md: above 1,000,000,000 is a 400). */
export const MAX_AMOUNT = new Dec('1000000000');

/**
 * The only rounding site for money: half-up to whole cents (agreed with finance).
 * Everything that is stored, shown or summed for display goes through here.
 */
export function roundMoney(value: Decimal.Value): Dec {
  return (value instanceof Dec ? value : new Dec(value)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * Money as the API and the database exchange it: a decimal string with exactly two decimals,
 * rounded as roundMoney rounds. toFixed rounds with the same rule in one step; it only keeps the
 * sign of a negative amount that rounds to zero ("-0.00"), which roundMoney does not.
 */
export function moneyString(value: Decimal.Value): string {
  const s = (value instanceof Dec ? value : new Dec(value)).toFixed(2, Decimal.ROUND_HALF_UP);
  return s === '-0.00' ? '0.00' : s;
}

/** Values summed by one Decimal.sum call: well under the engine's limit on arguments. */
const SUM_CHUNK = 4096;

/**
 * Sum of decimal values, exact. Decimal.sum rounds once, at the end, to the 34 significant digits
 * of Dec, instead of after every addition; sums of money (whole cents, far below 34 digits) are the
 * same either way, and it is several times cheaper than a chain of plus().
 */
export function sumDec(values: Iterable<Decimal.Value>): Dec {
  const all = Array.isArray(values) ? (values as Decimal.Value[]) : [...values];
  if (all.length === 0) return new Dec(0);
  if (all.length <= SUM_CHUNK) return Dec.sum(...all);
  let total = new Dec(0);
  for (let i = 0; i < all.length; i += SUM_CHUNK) total = total.plus(Dec.sum(...all.slice(i, i + SUM_CHUNK)));
  return total;
}

/**
 * Split `total` over `weights` pro rata with the largest-remainder method, in cents, so that
 * the parts always add up to exactly `total` (vendure's prorate). Zero weights get zero;
 * if all weights are zero the result is all zeros (and total must then be zero to balance, so
 * callers should avoid that case).
 */
export function allocateLargestRemainder(total: Decimal.Value, weights: Decimal.Value[]): Dec[] {
  const totalCents = new Dec(total).times(100);
  if (!totalCents.isInteger()) throw new Error('allocateLargestRemainder: total must be whole cents');
  const w = weights.map((x) => new Dec(x));
  const sumW = sumDec(w);
  if (sumW.isZero()) return w.map(() => new Dec(0));
  const raw = w.map((x) => totalCents.times(x).dividedBy(sumW));
  const floors = raw.map((x) => x.floor());
  let remainder = totalCents.minus(sumDec(floors)).toNumber(); // whole cents, small integer
  const order = raw
    .map((x, i) => ({ i, frac: x.minus(x.floor()) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
  const cents = floors.slice();
  for (const { i } of order) {
    if (remainder <= 0) break;
    cents[i] = cents[i].plus(1);
    remainder -= 1;
  }
  return cents.map((c) => c.dividedBy(100));
}

/** Dutch display: `€ 3.000,00` (negative: `-€ 3.000,00`). */
export function formatEuro(value: Decimal.Value, locale: 'nl' | 'en' = 'nl'): string {
  const v = roundMoney(value);
  const neg = v.isNegative();
  const [int, frac] = v.abs().toFixed(2).split('.');
  const groupSep = locale === 'nl' ? '.' : ',';
  const decSep = locale === 'nl' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, groupSep);
  return `${neg ? '-' : ''}€ ${grouped}${decSep}${frac}`;
}
