import type { Locale } from '../../common/locale';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { dutchDate } from '../../common/dutch-time';
import { moneyString } from '../../common/money';
import { ComparisonSummaryService } from '../../cost-comparison/comparison-summary.service';
import { CostComparisonService } from '../../cost-comparison/cost-comparison.service';
import type { FundEntity } from '../../funds/fund.entity';
import { fundMethod } from '../../funds/funds.read-models';
import { LedgerService } from '../../ledger/ledger.service';
import type { ReportCalibration, ReportFund, SteeringReportData } from '../report-data.types';
import { bearerOfOrganisationKind } from '../report-data-labels';
import { ReportFundsReadModel } from '../report-funds.read-model';
import { previousPeriod, ReportPeriod } from '../report-period';
import { ReportReferenceData } from '../report-reference-data';
import { ReportErrors } from '../reports.errors';
import { ReportRequestsReadModel } from '../report-requests.read-model';
import { assembleSteeringReport, GRANTED, type SteeringReportSource } from './steering-report.assemble';
import { SteeringReportReadModel } from './steering-report.read-model';

/**
 * Reads what the steering report needs for one fund or all funds and a period, with a fixed number
 * of set-based queries (`read`); assembleSteeringReport computes the comparisons with the function
 * behind CostComparisonService.compareMany, the same source as GET /api/v1/requests/:id, so every
 * figure in the PDF equals the API's.
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
    return assembleSteeringReport(await this.read(funds, period, locale));
  }

  /**
   * Everything the report reads from the database, as plain data (strings, numbers, dates, Maps),
   * with a fixed number of set-based queries. assembleSteeringReport turns it into the report's
   * data without the database, on this thread or in the report worker. Call inside the caller's
   * transaction; inside a transaction all queries share one connection, so they run one by one.
   */
  async read(funds: FundEntity[], period: ReportPeriod, locale: Locale): Promise<SteeringReportSource> {
    const generatedAt = this.clock.now();
    const today = dutchDate(generatedAt);
    const fundIds = funds.map((f) => f.id);
    const balances = await this.ledger.balancesOfFunds(fundIds);
    const contributions = await this.repo.contributions(fundIds);
    const rows = await this.requests.requestsInPeriod(fundIds, period.start, period.end);
    const movements = await this.repo.dailyMovements(fundIds, period.to);
    const barrierLabels = await this.reference.barrierLabels(locale);
    const ids = rows.map((r) => r.id);
    const lines = await this.requests.costLines(ids);
    const outcomes = await this.repo.latestOutcomes(ids);
    const prev = previousPeriod(period, today);
    const previousRows = (await this.requests.trendRequests(fundIds, prev.start, prev.end)).filter((r) => r.status !== 'draft');
    const previousLines = await this.requests.costLines(previousRows.filter((r) => GRANTED.has(r.status)).map((r) => r.id));
    const subjects = [...rows, ...previousRows].map((r) => ({ priceYear: r.priceYear, fundId: r.fundId, lines: lines.get(r.id) ?? previousLines.get(r.id) ?? [] }));
    const pricing = await this.costs.pricingContext(subjects, locale);
    const catalogueIds = [...lines.values()].flat().map((l) => l.costItemId);
    return {
      generatedAt,
      locale,
      period,
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
      rows,
      lines,
      outcomes,
      movements,
      barrierLabels,
      previous: { period: prev, rows: previousRows, lines: previousLines },
      pricing,
      catalogueItemsUsed: await this.reference.catalogueItems(catalogueIds, locale),
      confidenceBands: this.reference.confidenceBands(),
      cpiLastYear: this.reference.cpiLastYear(),
      calibration: await this.calibration(),
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
}

