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
  return new Dec(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** Money as the API and the database exchange it: a decimal string with exactly two decimals. */
export function moneyString(value: Decimal.Value): string {
  return roundMoney(value).toFixed(2);
}

/** Sum of decimal values, exact. */
export function sumDec(values: Iterable<Decimal.Value>): Dec {
  let total = new Dec(0);
  for (const v of values) total = total.plus(v);
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
