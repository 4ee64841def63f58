import type { Locale } from '../../common/locale';
import { Dec, moneyString } from '../../common/money';
import { dutchDate } from '../../common/dutch-time';
import { LIFE_DOMAIN_LABELS } from '../../cases/life-domains';
import { compareWith, Pricer, pricerOf, PricingContext, PricingLine } from '../../cost-comparison/comparison-pricer';
import type { Comparison, Confidence, OutcomeLine } from '../../cost-comparison/comparison.types';
import { followUpSchedule } from '../../cost-comparison/follow-ups';
import { maatwerkCostOf } from '../../cost-comparison/maatwerk-cost';
import { computeRealised } from '../../cost-comparison/realised';
import { cpiNoteOf } from '../report-cpi-note';
import type {
  ReportBurnDownPoint, ReportCalibration, ReportCatalogueItem, ReportFund, ReportPreviousPeriod, ReportRequest, SteeringReportData,
} from '../report-data.types';
import { toDate } from '../report-format';
import type { PreviousPeriod, ReportPeriod } from '../report-period';
import type { ReportRequestRow, ReportTrendRow } from '../report-requests.read-model';
import type { DailyMovementRow, LatestOutcomeRow } from './steering-report.read-model';

/*
 * The steering report's data without the database: SteeringReportDataService.read reads a
 * SteeringReportSource, assembleSteeringReport computes from it. This file imports no service, so the
 * report worker (render.worker.ts) can run it.
 */

/** What SteeringReportDataService.read reads: plain data (structured-clone safe) for assembleSteeringReport. */
export interface SteeringReportSource {
  generatedAt: Date;
  locale: Locale;
  period: ReportPeriod;
  /** the signed ledger checkpoint written for this report, as one line */
  checkpoint?: string;
  funds: ReportFund[];
  rows: ReportRequestRow[];
  lines: Map<string, PricingLine[]>;
  outcomes: LatestOutcomeRow[];
  movements: DailyMovementRow[];
  barrierLabels: Record<string, string>;
  previous: { period: PreviousPeriod; rows: ReportTrendRow[]; lines: Map<string, PricingLine[]> };
  pricing: PricingContext;
  catalogueItemsUsed: ReportCatalogueItem[];
  confidenceBands: Record<Confidence, string>;
  cpiLastYear: number;
  calibration: ReportCalibration;
}

/**
 * The steering report's data from what `read` read, without the database: the comparisons
 * (compareWith, the function behind CostComparisonService.compareMany, so every figure in the PDF
 * equals the API's), what was realised, the follow-ups due, the burn-down and the trend.
 */
export function assembleSteeringReport(source: SteeringReportSource): SteeringReportData {
  const { generatedAt, locale, period, rows, lines } = source;
  const today = dutchDate(generatedAt);
  const pricer = pricerOf(source.pricing);
  const comparisons = rows.map((r) => compareWith(pricer, { maatwerkCost: maatwerkCostOf(r), priceYear: r.priceYear, fundId: r.fundId, lines: lines.get(r.id) ?? [] }));
  const outcomeOf = new Map(source.outcomes.map((o) => [o.requestId, o]));
  const requests = rows.map((row, i): ReportRequest => {
    const outcome = outcomeOf.get(row.id);
    return {
      id: row.id,
      caseKey: row.caseId,
      fundId: row.fundId,
      neighbourhood: row.neighbourhood,
      title: row.title,
      status: row.status,
      amount: moneyString(row.amount),
      paidAmount: moneyString(row.paidAmount),
      committedAmount: moneyString(row.committedAmount),
      lifeDomain: row.lifeDomain,
      organisationName: row.organisationName,
      // a submitted request always has a tier; the fallback only guards data from before tiers
      tier: row.tier ?? 'single',
      retroactive: row.retroactive,
      urgent: row.urgent,
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
      decisionDue: row.decisionDue,
      solvedWithoutMoney: row.solvedWithoutMoney || (outcome?.solvedWithoutMoney ?? false),
      barriers: row.barriers ?? [],
      justification: row.justification,
      comparison: comparisons[i],
      realised: outcome ? realised(comparisons[i], outcome.lines, outcome.months) : null,
      goalReached: outcome?.goalReached ?? null,
      followUps:
        (row.status === 'paid' || row.status === 'evaluated') && row.decidedAt
          ? followUpSchedule(row.decidedAt, outcome?.recordedMonths ?? [], toDate(generatedAt))
          : [],
    };
  });
  return {
    generatedAt,
    ...(source.checkpoint ? { checkpoint: source.checkpoint } : {}),
    locale,
    period: { from: period.from, to: period.to },
    funds: source.funds,
    requests,
    barrierLabels: source.barrierLabels,
    lifeDomainLabels: { ...LIFE_DOMAIN_LABELS[locale] },
    burnDown: burnDown(source.movements, period, today),
    catalogueItemsUsed: source.catalogueItemsUsed,
    confidenceBands: source.confidenceBands,
    cpiNote: cpiNoteOf(comparisons, locale, source.cpiLastYear),
    previousPeriod: previousPeriodOf(source, pricer, today),
    calibration: source.calibration,
  };
}

/**
 * The previous period of the same length: its requests (one lean query), the net avoided cost of
 * the granted ones (compareWith, as for the period itself) and the balances at its end from the
 * journal movements the burn-down has read already.
 */
function previousPeriodOf(source: SteeringReportSource, pricer: Pricer, today: string): ReportPreviousPeriod {
  const { period: prev, rows, lines } = source.previous;
  const avoided = new Map<string, string>();
  for (const r of rows) {
    if (!GRANTED.has(r.status)) continue;
    const c = compareWith(pricer, { maatwerkCost: maatwerkCostOf(r), priceYear: r.priceYear, fundId: r.fundId, lines: lines.get(r.id) ?? [] });
    avoided.set(r.id, c.avoidedCostNet.central);
  }
  const booked = source.movements.some((m) => m.date <= prev.to);
  const end = booked ? burnDown(source.movements, { from: prev.to, to: prev.to }, today).at(-1) : undefined;
  return {
    from: prev.from,
    to: prev.to,
    fullTo: prev.fullTo,
    cut: prev.cut,
    requests: rows.map((r) => ({
      id: r.id,
      caseKey: r.caseId,
      status: r.status,
      tier: r.tier ?? 'single',
      amount: moneyString(r.amount),
      paidAmount: moneyString(r.paidAmount),
      committedAmount: moneyString(r.committedAmount),
      submittedAt: r.submittedAt,
      decidedAt: r.decidedAt,
      avoidedNetCentral: avoided.get(r.id) ?? '0.00',
    })),
    balance: end ? { committed: end.committed, spent: end.spent, available: end.available } : null,
  };
}

/** Estimate against follow-up; an outcome that no longer matches the route is left out, not fatal. */
function realised(comparison: Comparison, lines: OutcomeLine[], months: number): { estimated: string; realised: string } | null {
  try {
    const r = computeRealised(comparison.lines, lines, months ?? null);
    return { estimated: r.estimated, realised: r.realised };
  } catch (e) {
    if (e instanceof RangeError) return null;
    throw e;
  }
}

/** Requests whose money was granted: the trend counts their cost and avoided cost. */
export const GRANTED: ReadonlySet<string> = new Set(['approved', 'paid', 'evaluated']);

/**
 * The balance of the funds at the end of `from`, after every day with a movement, and at the end
 * of the period (or today, when the period has not ended yet), from the journal's postings.
 */
export function burnDown(
  movements: readonly { date: string; kind: string; amount: string }[],
  period: Pick<ReportPeriod, 'from' | 'to'>,
  today: string,
): ReportBurnDownPoint[] {
  const last = period.to < today ? period.to : today < period.from ? period.from : today;
  const balance = { available: new Dec(0), committed: new Dec(0), spent: new Dec(0) };
  const point = (date: string): ReportBurnDownPoint => ({
    date,
    committed: moneyString(balance.committed),
    spent: moneyString(balance.spent),
    available: moneyString(balance.available),
  });
  const points: ReportBurnDownPoint[] = [];
  let i = 0;
  const apply = (upTo: string) => {
    for (; i < movements.length && movements[i].date <= upTo; i++) {
      const m = movements[i];
      if (m.kind === 'available' || m.kind === 'committed' || m.kind === 'spent') balance[m.kind] = balance[m.kind].plus(m.amount);
    }
  };
  apply(period.from);
  points.push(point(period.from));
  while (i < movements.length && movements[i].date <= last) {
    const day = movements[i].date;
    apply(day);
    points.push(point(day));
  }
  if (points[points.length - 1].date !== last) points.push(point(last));
  return points;
}
