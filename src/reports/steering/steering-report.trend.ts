/**
 * The trend of the key figures: the report's period next to the previous period of the same
 * length (see previousPeriod in report-period.ts). Both columns come from the same function over
 * the same kind of rows, so a difference is a difference in the data, not in the counting.
 */
import Decimal from 'decimal.js';
import { Dec, roundMoney } from '../../common/money';
import type { Locale } from '../../common/locale';
import type { ReportTrendRequest } from '../report-data.types';
import { fill, formatCount, formatDate, formatHours, formatPercent, toDate } from '../report-format';
import type { SteeringReportModel } from '../report-model.types';
import { decisionHours, isFunded, maatwerkCost, median } from './report-stats';
import type { SteeringContext } from './steering-report.context';

/** What the trend counts of one period. */
export interface PeriodFigures {
  committed: Dec;
  spent: Dec;
  requests: number;
  granted: number;
  cost: Dec;
  avoided: Dec;
  people: number;
  /** null when no budget holder decided in the period */
  medianHours: number | null;
}

/** Counts and sums over the requests of one period; `balance` is the journal's at its end. */
export function periodFigures(requests: readonly ReportTrendRequest[], balance: { committed: Decimal.Value; spent: Decimal.Value }): PeriodFigures {
  const counted = requests.filter((r) => r.status !== 'draft');
  const granted = counted.filter((r) => isFunded(r));
  return {
    committed: new Dec(balance.committed),
    spent: new Dec(balance.spent),
    requests: counted.length,
    granted: granted.length,
    cost: granted.reduce((s, r) => s.plus(roundMoney(maatwerkCost(r))), new Dec(0)),
    avoided: granted.reduce((s, r) => s.plus(r.avoidedNetCentral), new Dec(0)),
    people: new Set(granted.map((r) => r.caseKey ?? r.id)).size,
    medianHours: median(decisionHours(counted)),
  };
}

/** "+€ 1.000,00", "-€ 250,00" (formatEuro's form), "€ 0,00". */
export function signedMoney(v: Dec, money: (v: Dec) => string): string {
  return v.greaterThan(0) ? `+${money(v)}` : money(v);
}

function signed(text: string, v: Decimal.Value): string {
  return new Dec(v).greaterThan(0) ? `+${text}` : text;
}

/** The change with its percentage of the previous value; no percentage from zero. */
function change(current: Dec, previous: Dec, format: (v: Dec) => string, locale: Locale): string {
  const diff = current.minus(previous);
  const text = format(diff);
  if (previous.isZero()) return text;
  return `${text} (${signed(formatPercent(diff.dividedBy(previous.abs()), locale), diff)})`;
}

/**
 * The report's own period from what the context has counted already (the same rules as
 * periodFigures, without going over every request again: 10,000 requests are priced once).
 */
export function currentFigures(ctx: SteeringContext, balance: { committed: Dec; spent: Dec }): PeriodFigures {
  return {
    committed: balance.committed,
    spent: balance.spent,
    requests: ctx.requests.length,
    granted: ctx.funded.length,
    cost: ctx.totals.cost,
    avoided: ctx.totals.central,
    people: new Set(ctx.funded.map((f) => f.request.caseKey ?? f.request.id)).size,
    medianHours: median(decisionHours(ctx.requests)),
  };
}

export function trendSection(ctx: SteeringContext, current: { committed: Dec; spent: Dec }): SteeringReportModel['keyFigures']['trend'] {
  const { data, L } = ctx;
  const S = L.steering;
  const locale = data.locale;
  const date = (d: string) => formatDate(d, locale);
  const today = toDate(data.generatedAt).toISOString().slice(0, 10);
  const running = data.period.from <= today && today <= data.period.to;
  const prev = data.previousPeriod;
  const hasData = prev !== undefined && (prev.requests.length > 0 || prev.balance !== null);

  const now = currentFigures(ctx, current);
  const before = hasData && prev ? periodFigures(prev.requests, prev.balance ?? { committed: 0, spent: 0 }) : null;

  const money = (v: Dec) => ctx.money(v);
  // one form for every sign: "+3", "-3", "0"; "+2,5 uur"; amounts as formatEuro writes them ("-€ 1.302,44")
  const sign = (v: Dec) => (v.isNegative() ? '-' : v.greaterThan(0) ? '+' : '');
  const count = (v: Dec) => `${sign(v)}${formatCount(v.abs().toNumber(), locale)}`;
  const hours = (v: Dec) => `${sign(v)}${formatHours(v.abs().toNumber(), locale)}`;
  type Row = [label: string, pick: (f: PeriodFigures) => Dec | null, show: (v: Dec) => string, diff: (v: Dec) => string];
  const rows: Row[] = [
    [S.trendCommitted, (f) => f.committed, money, (v) => signedMoney(v, money)],
    [S.trendSpent, (f) => f.spent, money, (v) => signedMoney(v, money)],
    [S.trendRequests, (f) => new Dec(f.requests), (v) => formatCount(v.toNumber(), locale), count],
    [S.trendGranted, (f) => new Dec(f.granted), (v) => formatCount(v.toNumber(), locale), count],
    [S.trendCost, (f) => f.cost, money, (v) => signedMoney(v, money)],
    [S.trendAvoided, (f) => f.avoided, money, (v) => signedMoney(v, money)],
    [S.trendPeople, (f) => new Dec(f.people), (v) => formatCount(v.toNumber(), locale), count],
    [S.trendMedian, (f) => (f.medianHours === null ? null : new Dec(f.medianHours)), (v) => formatHours(v.toNumber(), locale), hours],
  ];

  const values = {
    from: date(data.period.from),
    to: date(data.period.to),
    today: date(today),
    prevFrom: prev ? date(prev.from) : '',
    prevTo: prev ? date(prev.to) : '',
    prevFullTo: prev ? date(prev.fullTo) : '',
  };
  const intro = !prev
    ? [S.trendNoPrevious]
    : !hasData
      ? [fill(S.trendIntroNoData, { ...values, prevTo: values.prevFullTo })]
      : [fill(prev.cut ? S.trendIntroCut : running ? S.trendIntroRunning : S.trendIntro, values), S.trendCounting];
  return {
    heading: S.trend,
    intro,
    table: {
      columns: [
        { header: S.colFigure, align: 'left', weight: 4.2 },
        { header: S.colThisPeriod, align: 'right', weight: 2.4 },
        { header: S.colPreviousPeriod, align: 'right', weight: 2.4 },
        { header: S.colChange, align: 'right', weight: 3.2 },
      ],
      rows: rows.map(([label, pick, show, diff]) => {
        const a = pick(now);
        const b = before ? pick(before) : null;
        return [
          label,
          a === null ? S.noData : show(a),
          b === null ? S.noData : show(b),
          a === null || b === null ? L.none : change(a, b, diff, locale),
        ];
      }),
      emptyText: L.none,
    },
  };
}
