import { Injectable } from '@nestjs/common';
import { AccessService } from '../access/access.service';
import { AuthUser, hasRole } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { Aggregate, paybackMonths } from './aggregate';
import { ComparisonSummaryRepository, FundedOutcome, FundedRequest } from './comparison-summary.repository';
import type { Comparison } from './comparison.types';
import { Sensitivity, sensitivity } from './sensitivity';
import { Clock } from '../common/clock';
import { CostComparisonService } from './cost-comparison.service';
import {
  Calibration, calibrate, CALIBRATION_MIN_SAMPLE, CalibrationInput, FollowUpSubject, followUpSchedule, FollowUpTotals, followUpTotals,
} from './follow-ups';
import { maatwerkCostOf } from './maatwerk-cost';

export interface SummaryQuery {
  fundId?: string;
  caseId?: string;
  from?: string;
  to?: string;
  lang?: 'nl' | 'en';
}

export type ComparisonSummary = Omit<Aggregate, 'byCase'> & {
  byCase?: Aggregate['byCase'];
  /** months until the avoided cost (priced per year) has paid back the maatwerk; null when nothing is avoided */
  paybackMonths: string | null;
  /** what the follow-ups cover: coverage, overdue, goals reached, realised over the elapsed windows */
  followUp: FollowUpTotals;
  /** net result for low/central/high unit costs, without the largest case, and per confidence class */
  sensitivity: Sensitivity;
  /** estimates against follow-ups per catalogue item (and organisation with enough cases) */
  calibration: { minimumSample: number; byItem: Calibration[]; byOrganisation: Calibration[] };
  filter: { fundId: string | null; caseId: string | null; from: string | null; to: string | null };
};

/**
 * The cost comparison added up over funded requests: per fund and period, per person (case), per
 * life domain, per bearer and per requesting organisation, fiscal and societal apart. Figures are
 * sums of the per-request comparisons the API serves, so they reconcile to the cent.
 */
@Injectable()
export class ComparisonSummaryService {
  constructor(
    private readonly repo: ComparisonSummaryRepository,
    private readonly costs: CostComparisonService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async summary(user: AuthUser, q: SummaryQuery): Promise<ComparisonSummary> {
    if (q.from && q.to && q.from > q.to) throw DomainError.invalidField('to', 'to must not be before from', 'PERIOD', 'query');
    let fundIds: string[] | null = q.fundId ? [q.fundId] : null;
    if (!hasRole(user, 'admin', 'steering_group')) {
      const held = await this.access.heldFundIds(user);
      if (q.fundId && !held.includes(q.fundId)) throw DomainError.forbidden('you do not hold this fund');
      fundIds = q.fundId ? [q.fundId] : held;
    }
    if (q.caseId && hasRole(user, 'steering_group') && !hasRole(user, 'admin')) {
      throw DomainError.forbidden('the steering group sees anonymised figures, not per person');
    }
    const { requests, lines } = await this.repo.fundedRequests({ fundIds, caseId: q.caseId ?? null, from: q.from ?? null, to: q.to ?? null });
    const subjects = requests.map((r) => ({ maatwerkCost: maatwerkCostOf(r), priceYear: r.priceYear, fundId: r.fundId, lines: lines.get(r.id) ?? [] }));
    const comparisons = await this.costs.compareMany(subjects, q.lang ?? 'nl');
    const aggregate = this.costs.aggregate(
      requests.map((r, i) => ({
        comparison: comparisons[i],
        lifeDomain: r.lifeDomain,
        organisationId: r.organisationId,
        caseId: r.caseId,
        maatwerkCost: subjects[i].maatwerkCost.toFixed(2),
      })),
    );
    const { followUp, calibration } = await this.followUps(requests, comparisons);
    const anonymised = hasRole(user, 'steering_group') && !hasRole(user, 'admin', 'budget_holder');
    const { byCase, ...rest } = aggregate;
    return {
      ...rest,
      ...(anonymised ? {} : { byCase }),
      paybackMonths: paybackMonths(aggregate.totals.maatwerk, aggregate.totals.avoided.central),
      sensitivity: sensitivity(
        requests.map((r, i) => ({ caseId: r.caseId, comparison: comparisons[i], maatwerkCost: subjects[i].maatwerkCost.toFixed(2) })),
      ),
      followUp,
      calibration,
      filter: { fundId: q.fundId ?? null, caseId: q.caseId ?? null, from: q.from ?? null, to: q.to ?? null },
    };
  }

  /**
   * Calibration over every followed-up request of the network (all funds): the catalogue items
   * are shared, and a fund on its own rarely reaches the minimum sample.
   */
  async calibration(): Promise<ComparisonSummary['calibration']> {
    const { requests, lines } = await this.repo.fundedRequests({ fundIds: null, caseId: null, from: null, to: null, followedUpOnly: true });
    const comparisons = await this.costs.compareMany(
      requests.map((r) => ({ maatwerkCost: maatwerkCostOf(r), priceYear: r.priceYear, fundId: r.fundId, lines: lines.get(r.id) ?? [] })),
    );
    return (await this.followUps(requests, comparisons)).calibration;
  }

  /** Follow-up coverage and calibration; the latest follow-up of each request counts, for its own window. */
  private async followUps(
    requests: readonly FundedRequest[],
    comparisons: readonly Comparison[],
  ): Promise<Pick<ComparisonSummary, 'followUp' | 'calibration'>> {
    const outcomes = await this.repo.outcomes(requests.map((r) => r.id));
    // grouped once (the steering report asks this for every followed-up request of the network)
    const byRequest = new Map<string, FundedOutcome[]>();
    for (const o of outcomes) {
      const list = byRequest.get(o.requestId);
      if (list) list.push(o);
      else byRequest.set(o.requestId, [o]);
    }
    const now = this.clock.now();
    const subjects: FollowUpSubject[] = [];
    const calibrationInputs: CalibrationInput[] = [];
    requests.forEach((r, i) => {
      const own = byRequest.get(r.id) ?? [];
      const last = own[own.length - 1];
      let latest: FollowUpSubject['latest'] = null;
      if (last) {
        try {
          latest = { goalReached: last.goalReached, realised: this.costs.realised(comparisons[i], last) };
        } catch (e) {
          // an outcome that no longer matches the route is left out, not fatal
          if (!(e instanceof DomainError)) throw e;
        }
      }
      const paid = r.status === 'paid' || r.status === 'evaluated';
      subjects.push({ schedule: paid && r.decidedAt ? followUpSchedule(r.decidedAt, own.map((o) => o.months), now) : [], latest });
      for (const line of latest?.realised.lines ?? []) calibrationInputs.push({ costItemKey: line.costItemKey, organisationId: r.organisationId, line });
    });
    return { followUp: followUpTotals(subjects), calibration: { minimumSample: CALIBRATION_MIN_SAMPLE, ...calibrate(calibrationInputs) } };
  }
}
