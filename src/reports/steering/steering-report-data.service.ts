import type { Locale } from '../../common/locale';
import { Injectable } from '@nestjs/common';
import { maatwerkCostOf } from '../../cost-comparison/maatwerk-cost';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { Dec, moneyString } from '../../common/money';
import type { Comparison } from '../../cost-comparison/comparison.types';
import { CostComparisonService } from '../../cost-comparison/cost-comparison.service';
import type { FundEntity } from '../../funds/fund.entity';
import { fundMethod } from '../../funds/funds.read-models';
import { ComparisonSummaryService } from '../../cost-comparison/comparison-summary.service';
import { LedgerService } from '../../ledger/ledger.service';
import type { OutcomeLine } from '../../requests/request.entities';
import type {
  ReportBurnDownPoint, ReportCalibration, ReportFund, ReportPreviousPeriod, ReportRequest, SteeringReportData,
} from '../report-data.types';
import { LIFE_DOMAIN_LABELS } from '../../cases/life-domains';
import { bearerOfOrganisationKind } from '../report-data-labels';
import { dutchDate } from '../../common/dutch-time';
import { followUpSchedule } from '../../cost-comparison/follow-ups';
import { toDate } from '../report-format';
import { previousPeriod, ReportPeriod } from '../report-period';
import type { DailyMovementRow } from './steering-report.read-model';
import { ReportErrors } from '../reports.errors';
import { ReportFundsReadModel } from '../report-funds.read-model';
import { ReportRequestsReadModel, type ReportRequestRow } from '../report-requests.read-model';
import { SteeringReportReadModel } from './steering-report.read-model';
import { ReportReferenceData } from '../report-reference-data';

/**
 * Gathers SteeringReportData from the database for one fund or all funds and a period, with a
 * fixed number of set-based queries. Comparisons come from CostComparisonService.compareMany, the
 * same source as GET /api/v1/requests/:id, so every figure in the PDF equals the API's.
 */
@Injectable()
export class SteeringReportDataService {
  constructor(
    private readonly repo: SteeringReportReadModel,
    private readonly fundsReadModel: ReportFundsReadModel,
    private readonly requests: ReportRequestsReadModel,
    private readonly ledger: LedgerService,
    private readonly costs: CostComparisonService,
    private readonly reference: ReportReferenceData,
    private readonly summaries: ComparisonSummaryService,
    private readonly clock: Clock,
  ) {}

  /** The funds a report covers: one (404 when unknown) or, without an id, every fund. */
  async funds(fundId: string | undefined): Promise<FundEntity[]> {
    const funds = await this.fundsReadModel.findFunds(fundId ? [fundId] : null);
    if (fundId && funds.length === 0) throw ReportErrors.fundNotFound(fundId);
    return funds;
  }

  /** Call inside the caller's transaction (ReportsService takes a read-only snapshot). */
  async gather(funds: FundEntity[], period: ReportPeriod, locale: Locale): Promise<SteeringReportData> {
    const generatedAt = this.clock.now();
    const fundIds = funds.map((f) => f.id);
    // One after the other: inside a transaction all queries share one connection.
    const balances = await this.ledger.balancesOfFunds(fundIds);
    const contributions = await this.repo.contributions(fundIds);
    const rows = await this.requests.requestsInPeriod(fundIds, period.start, period.end);
    const movements = await this.repo.dailyMovements(fundIds, period.to);
    const barrierLabels = await this.reference.barrierLabels(locale);
    const ids = rows.map((r) => r.id);
    const lines = await this.requests.costLines(ids);
    const outcomes = await this.repo.latestOutcomes(ids);
    const comparisons = await this.costs.compareMany(
      rows.map((r) => ({ maatwerkCost: maatwerkCostOf(r), priceYear: r.priceYear, fundId: r.fundId, lines: lines.get(r.id) ?? [] })),
      locale,
    );
    const previous = await this.previousPeriod(fundIds, period, movements, dutchDate(generatedAt));
    const calibration = await this.calibration();
    const outcomeOf = new Map(outcomes.map((o) => [o.requestId, o]));
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
        realised: outcome ? this.realised(comparisons[i], outcome.lines, outcome.months) : null,
        goalReached: outcome?.goalReached ?? null,
        followUps:
          (row.status === 'paid' || row.status === 'evaluated') && row.decidedAt
            ? followUpSchedule(row.decidedAt, outcome?.recordedMonths ?? [], toDate(generatedAt))
            : [],
      };
    });
    const catalogueIds = [...lines.values()].flat().map((l) => l.costItemId);
    return {
      generatedAt,
      locale,
      period: { from: period.from, to: period.to },
      funds: funds.map((fund): ReportFund => {
        const b = balances.get(fund.id);
        return {
          id: fund.id,
          name: fund.name,
          periodStart: fund.periodStart,
          periodEnd: fund.periodEnd,
          budget: moneyString(b?.budget ?? 0),
          committed: moneyString(b?.committed ?? 0),
          spent: moneyString(b?.spent ?? 0),
          available: moneyString(b?.available ?? 0),
          method: fundMethod(fund),
          contributions: contributions
            .filter((c) => c.fundId === fund.id)
            .map((c) => ({ organisationName: c.organisationName, organisationKind: bearerOfOrganisationKind(c.organisationKind), amount: moneyString(c.amount) })),
        };
      }),
      requests,
      barrierLabels,
      lifeDomainLabels: { ...LIFE_DOMAIN_LABELS[locale] },
      burnDown: burnDown(movements, period, dutchDate(generatedAt)),
      catalogueItemsUsed: await this.reference.catalogueItems(catalogueIds, locale),
      confidenceBands: this.reference.confidenceBands(),
      cpiNote: this.reference.cpiNote(comparisons, locale),
      previousPeriod: previous,
      calibration,
    };
  }

  /**
   * The previous period of the same length: its requests in one lean query, the net avoided cost of
   * the granted ones (compareMany, as for the period itself) and the balances at its end from the
   * journal movements the burn-down has read already.
   */
  private async previousPeriod(
    fundIds: readonly string[],
    period: ReportPeriod,
    movements: readonly DailyMovementRow[],
    today: string,
  ): Promise<ReportPreviousPeriod> {
    const prev = previousPeriod(period, today);
    const rows = (await this.requests.trendRequests(fundIds, prev.start, prev.end)).filter((r) => r.status !== 'draft');
    const granted = rows.filter((r) => GRANTED.has(r.status));
    const lines = await this.requests.costLines(granted.map((r) => r.id));
    const comparisons = await this.costs.compareMany(
      granted.map((r) => ({ maatwerkCost: maatwerkCostOf(r), priceYear: r.priceYear, fundId: r.fundId, lines: lines.get(r.id) ?? [] })),
    );
    const avoided = new Map(granted.map((r, i) => [r.id, comparisons[i].avoidedCostNet.central]));
    const booked = movements.some((m) => m.date <= prev.to);
    const end = booked ? burnDown(movements, { from: prev.to, to: prev.to }, today).at(-1) : undefined;
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

  /**
   * The calibration the budget holder's decision page shows (ComparisonSummaryService.calibration:
   * the follow-ups of the whole network), with the requesting organisations named.
   */
  private async calibration(): Promise<ReportCalibration> {
    const c = await this.summaries.calibration();
    const names = await this.repo.organisationNames(c.byOrganisation.map((o) => o.organisationId ?? '').filter(Boolean));
    const row = (x: { costItemKey: string; sample: number; factor: string | null }) => ({ costItemKey: x.costItemKey, sample: x.sample, factor: x.factor });
    return {
      minimumSample: c.minimumSample,
      byItem: c.byItem.map(row),
      byOrganisation: c.byOrganisation.map((o) => ({ ...row(o), organisationName: names.get(o.organisationId ?? '') ?? '' })),
    };
  }

  /** Estimate against follow-up; an outcome that no longer matches the route is left out, not fatal. */
  private realised(comparison: Comparison, lines: OutcomeLine[], months: number): { estimated: string; realised: string } | null {
    try {
      const r = this.costs.realised(comparison, { lines, months });
      return { estimated: r.estimated, realised: r.realised };
    } catch (e) {
      if (e instanceof DomainError) return null;
      throw e;
    }
  }
}


/** Requests whose money was granted: the trend counts their cost and avoided cost. */
const GRANTED: ReadonlySet<string> = new Set(['approved', 'paid', 'evaluated']);

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
