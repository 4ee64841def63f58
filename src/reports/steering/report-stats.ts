import { maatwerkCostOf, type MaatwerkCostInput } from '../../cost-comparison/maatwerk-cost';
/**
 * Small pure computations shared by the report models. Money stays Decimal; hours and
 * chart geometry are plain numbers.
 */
import Decimal from 'decimal.js';
import { Dec } from '../../common/money';
import type { ReportRequest, RequestStatus } from '../report-data.types';
import { toDate } from '../report-format';

/** Requests whose money was granted and not taken back: they count in spending and the comparison. */
const FUNDED: ReadonlySet<RequestStatus> = new Set<RequestStatus>(['approved', 'paid', 'evaluated']);

export function isFunded(r: { status: RequestStatus }): boolean {
  return FUNDED.has(r.status);
}

/** Maatwerk cost of one request: the one rule of src/cost-comparison/maatwerk-cost.ts. */
export function maatwerkCost(r: MaatwerkCostInput): Dec {
  return maatwerkCostOf(r);
}

/** avoided / cost, two decimals; null when the cost is zero. */
export function ratioOf(avoided: Decimal.Value, cost: Decimal.Value): Dec | null {
  const c = new Dec(cost);
  if (c.isZero()) return null;
  return new Dec(avoided).dividedBy(c).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** part / whole as a fraction; zero when the whole is zero. */
export function shareOf(part: Decimal.Value, whole: Decimal.Value): Dec {
  const w = new Dec(whole);
  return w.isZero() ? new Dec(0) : new Dec(part).dividedBy(w);
}

export function hoursBetween(from: Date | string, to: Date | string): number {
  return (toDate(to).getTime() - toDate(from).getTime()) / 3_600_000;
}

/**
 * Hours from submission to decision of the requests decided by one or two budget holders (the
 * requester's own mandate decides at once): the basis of the median decision time.
 */
export function decisionHours(requests: readonly { decidedAt: Date | string | null; submittedAt: Date | string; tier: string }[]): number[] {
  return requests
    .filter((r) => r.decidedAt !== null && r.tier !== 'requester')
    .map((r) => hoursBetween(r.submittedAt, r.decidedAt as Date | string));
}

/** Median; the mean of the two middle values for an even count. Null for an empty list. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Nearest-rank percentile (p in 0–100). Null for an empty list. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1];
}

/** Elapsed share of [from, to] at `at`, clamped to [0, 1]; dates are whole days (end inclusive). */
export function elapsedShare(from: string, to: string, at: Date): Dec {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`) + 86_400_000;
  if (end <= start) return new Dec(1);
  const share = new Dec(at.getTime() - start).dividedBy(end - start);
  return Decimal.min(Decimal.max(share, 0), 1) as Dec;
}

/** Sum `value` per `key`, keeping first-seen order. */
export function sumBy<T>(items: T[], key: (t: T) => string, value: (t: T) => Decimal.Value): Map<string, { sum: Dec; count: number }> {
  const out = new Map<string, { sum: Dec; count: number }>();
  for (const item of items) {
    const k = key(item);
    const prev = out.get(k) ?? { sum: new Dec(0), count: 0 };
    out.set(k, { sum: prev.sum.plus(value(item)), count: prev.count + 1 });
  }
  return out;
}

/**
 * A "nice" axis from 0 to at least `max` with about `target` steps of 1, 2, 2.5 or 5 × 10ⁿ.
 * `minStep` keeps count axes on whole numbers.
 */
export function niceScale(max: Decimal.Value, target = 5, minStep: Decimal.Value = 0): { axisMax: Dec; ticks: Dec[] } {
  const m = new Dec(max);
  if (m.lessThanOrEqualTo(0)) return { axisMax: new Dec(1), ticks: [new Dec(0), new Dec(1)] };
  const raw = m.dividedBy(target);
  const magnitude = new Dec(10).pow(Decimal.floor(Decimal.log10(raw)));
  const steps = ['1', '2', '2.5', '5', '10'].map((f) => magnitude.times(f));
  let step = steps.find((s) => s.greaterThanOrEqualTo(raw)) ?? steps[steps.length - 1];
  if (step.lessThan(minStep)) step = new Dec(minStep);
  const axisMax = m.dividedBy(step).ceil().times(step);
  const ticks: Dec[] = [];
  for (let t = new Dec(0); t.lessThanOrEqualTo(axisMax); t = t.plus(step)) ticks.push(t);
  return { axisMax, ticks };
}

/** Position of `value` on an axis up to `axisMax`, for drawing only. */
export function geometry(value: Decimal.Value, axisMax: Decimal.Value): number {
  const max = new Dec(axisMax);
  if (max.isZero()) return 0;
  return Math.min(1, Math.max(0, new Dec(value).dividedBy(max).toDecimalPlaces(6).toNumber()));
}

/** Sort helper: larger Decimal first, then by label for a stable, readable order. */
export function byAmountDesc<T>(amount: (t: T) => Dec, label: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => amount(b).comparedTo(amount(a)) || label(a).localeCompare(label(b), 'nl');
}
