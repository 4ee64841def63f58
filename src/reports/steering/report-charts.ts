/**
 * Chart series for the steering report: labels formatted, geometry as fractions of the axis.
 */
import type { Locale } from '../../common/locale';
import { Dec } from '../../common/money';
import type { ReportBurnDownPoint } from '../report-data.types';
import { monthShort } from '../../common/dutch-time';
import { formatCount, formatDate, formatEuroWhole, formatMoney } from '../report-format';
import type {
  BarChartModel,
  ChartTick,
  HistogramModel,
  LineChartModel,
  PairedBarChartModel,
} from '../report-model.types';
import { geometry, niceScale } from './report-stats';

function moneyTicks(max: Dec, locale: Locale): { axisMax: Dec; ticks: ChartTick[] } {
  const { axisMax, ticks } = niceScale(max, 4);
  return { axisMax, ticks: ticks.map((t) => ({ label: formatEuroWhole(t, locale), fraction: geometry(t, axisMax) })) };
}

export function barChart(
  title: string,
  alt: string,
  items: { label: string; value: Dec }[],
  locale: Locale,
): BarChartModel {
  const max = items.reduce((m, i) => (i.value.greaterThan(m) ? i.value : m), new Dec(0));
  const { axisMax, ticks } = moneyTicks(max, locale);
  return {
    title,
    alt,
    ticks,
    bars: items.map((i) => ({ label: i.label, valueLabel: formatMoney(i.value, locale), fraction: geometry(i.value, axisMax) })),
  };
}

export function pairedBarChart(
  title: string,
  alt: string,
  seriesNames: [string, string],
  groups: { label: string; a: Dec; b: Dec }[],
  locale: Locale,
): PairedBarChartModel {
  const max = groups.reduce((m, g) => Dec.max(m, g.a, g.b), new Dec(0));
  const { axisMax, ticks } = moneyTicks(max, locale);
  const bar = (v: Dec) => ({ valueLabel: formatMoney(v, locale), fraction: geometry(v, axisMax) });
  return { title, alt, seriesNames, ticks, groups: groups.map((g) => ({ label: g.label, values: [bar(g.a), bar(g.b)] })) };
}

/** Upper bounds (exclusive) of the decision-time buckets in hours: <4h, 4–24h, 1–3d, 3–7d, >7d. */
const BUCKET_LIMITS = [4, 24, 72, 168, Infinity];

export function decisionHistogram(
  title: string,
  alt: string,
  axes: { x: string; y: string },
  bucketLabels: string[],
  hours: number[],
  locale: Locale,
): HistogramModel {
  const counts = BUCKET_LIMITS.map(() => 0);
  for (const h of hours) counts[BUCKET_LIMITS.findIndex((limit) => h < limit)] += 1;
  const { axisMax, ticks } = niceScale(Math.max(...counts), 4, 1);
  return {
    title,
    alt,
    xAxisLabel: axes.x,
    yAxisLabel: axes.y,
    ticks: ticks.map((t) => ({ label: formatCount(t.toNumber(), locale), fraction: geometry(t, axisMax) })),
    buckets: counts.map((c, i) => ({ label: bucketLabels[i], countLabel: formatCount(c, locale), fraction: geometry(c, axisMax) })),
  };
}

function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
}

/** Month starts between the first and last point (at most ~12 labels), else first and last date. */
function dateTicks(first: string, last: string, locale: Locale): ChartTick[] {
  const a = dayNumber(first);
  const span = dayNumber(last) - a;
  if (span <= 0) return [{ label: formatDate(first, locale), fraction: 0 }];
  const ticks: ChartTick[] = [];
  const start = new Date(`${first}T00:00:00Z`);
  const months = (Number(last.slice(0, 4)) - start.getUTCFullYear()) * 12 + Number(last.slice(5, 7)) - 1 - start.getUTCMonth();
  const every = Math.max(1, Math.ceil((months + 1) / 12));
  for (let i = 0; i <= months; i += every) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1));
    const day = d.getTime() / 86_400_000;
    if (day < a) continue;
    const label = d.getUTCMonth() === 0 || ticks.length === 0
      ? `${monthShort(d.getUTCMonth(), locale)} ${d.getUTCFullYear()}`
      : monthShort(d.getUTCMonth(), locale);
    ticks.push({ label, fraction: (day - a) / span });
  }
  if (ticks.length < 2) return [{ label: formatDate(first, locale), fraction: 0 }, { label: formatDate(last, locale), fraction: 1 }];
  return ticks;
}

export function burnDownChart(
  title: string,
  alt: string,
  names: { committed: string; spent: string; available: string },
  points: ReportBurnDownPoint[],
  locale: Locale,
): LineChartModel {
  const sorted = [...points].sort((p, q) => p.date.localeCompare(q.date));
  const max = sorted.reduce((m, p) => Dec.max(m, p.committed, p.spent, p.available), new Dec(0));
  const { axisMax, ticks } = moneyTicks(max, locale);
  if (sorted.length === 0) return { title, alt, series: [], xTicks: [], yTicks: ticks };
  const first = dayNumber(sorted[0].date);
  const span = dayNumber(sorted[sorted.length - 1].date) - first || 1;
  const line = (pick: (p: ReportBurnDownPoint) => string) =>
    sorted.map((p) => ({ x: (dayNumber(p.date) - first) / span, y: geometry(pick(p), axisMax) }));
  return {
    title,
    alt,
    yTicks: ticks,
    xTicks: dateTicks(sorted[0].date, sorted[sorted.length - 1].date, locale),
    series: [
      { name: names.available, points: line((p) => p.available) },
      { name: names.committed, points: line((p) => p.committed) },
      { name: names.spent, points: line((p) => p.spent) },
    ],
  };
}
