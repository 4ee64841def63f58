import { Injectable } from '@nestjs/common';
import { maatwerkCostOf } from '../cost-comparison/maatwerk-cost';
import { AuthUser } from '../auth/auth.decorators';
import { scopeOf } from '../access/visibility';
import { CasesRepository } from '../cases/cases.repository';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor } from '../common/cursor';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { CostComparisonService } from '../cost-comparison/cost-comparison.service';
import { FundsService } from '../funds/funds.service';
import { UsersService } from '../users/users.service';
import { isPossibleDuplicate, possibleDuplicates } from './duplicates';
import { RequestErrors } from './request.errors';
import { ListRequestsQueryDto, QueuedRequest, RequestDto, RequestExpansion, RequestPageDto, RequestSummaryDto } from './request.dto';
import { Dec } from '../common/money';
import type { ComparisonTotals } from '../cost-comparison/comparison-totals';
import type { Comparison } from '../cost-comparison/comparison.types';
import { RequestEntity } from './request.entities';
import { mapRequest, mapSummaryRow } from './request.mapper';
import { RequestSummariesRepository, SummaryCandidate, SummaryRow } from './request-summaries.repository';
import { RequestsRepository, VisibleRequest } from './requests.repository';

/**
 * Reading requests: one in full (comparison, approvals, duplicates, history and outcomes), or a page
 * of summaries (state, figures and comparison totals; `expand` adds the full comparison and history).
 */
@Injectable()
export class RequestQueriesService {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly summaryRows: RequestSummariesRepository,
    private readonly cases: CasesRepository,
    private readonly costs: CostComparisonService,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly funds: FundsService,
  ) {}

  async get(user: AuthUser, id: string, locale: 'nl' | 'en' = 'nl'): Promise<RequestDto> {
    const found = await this.requests.findVisible(scopeOf(user), id);
    if (!found) throw DomainError.notFound('request', id);
    const [view] = await this.views([found], locale);
    return view;
  }

  /**
   * The view of a request a workflow step has just written, from the entity it holds: the step
   * checked access and visibility does not depend on state, so the request is not looked up again.
   */
  async viewOf(request: RequestEntity, full: boolean, locale: 'nl' | 'en' = 'nl'): Promise<RequestDto> {
    const [view] = await this.views([{ entity: request, full }], locale);
    return view;
  }

  async list(user: AuthUser, query: ListRequestsQueryDto, locale: 'nl' | 'en' = 'nl'): Promise<RequestPageDto> {
    const scope = scopeOf(user);
    if (query.caseId && !scope.admin && !scope.professional && !scope.budgetHolder) {
      throw RequestErrors.anonymised();
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const order = query.order ?? 'newest';
    const expand = query.expand ?? [];
    const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
    const rows = await this.summaryRows.page(
      scope,
      {
        status: query.status,
        fundId: query.fundId,
        caseId: query.caseId,
        urgent: query.urgent,
        overdueAt: query.overdue ? this.clock.now() : undefined,
      },
      order,
      limit + 1,
      after ? { key: after[0], id: after[1] ?? '' } : null,
      { approvals: expand.includes('approvals'), history: expand.includes('history'), totalsParams: this.costs.totalsParams() },
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const key = (r: SummaryRow) => (order === 'newest' ? r.createdAt : r.decisionDue);
    return {
      items: await this.summaries(page, expand, locale),
      next: rows.length > limit && last ? encodeCursor([key(last), last.id]) : null,
    };
  }

  /**
   * The submitted requests in sight, earliest deadline first, with their approvals: what the web's
   * decision queues start from. They are list items without the comparison, which the queues do
   * not show, so the query adds up no cost lines.
   */
  async awaitingDecision(user: AuthUser, limit: number): Promise<QueuedRequest[]> {
    const rows = await this.summaryRows.page(scopeOf(user), { status: 'submitted' }, 'due', limit, null, { approvals: true, history: false, totalsParams: null });
    const now = this.clock.now();
    return rows.map((r) => {
      const { comparison: _none, ...item } = mapSummaryRow(r, { comparison: null, duplicates: this.duplicatesOf(r) }, now, ['approvals']);
      return { ...item, approvals: item.approvals ?? [] };
    });
  }

  /** The possible duplicates of a list item among the candidates its query found (same case, amount and time window), by the rule of duplicates.ts. */
  private duplicatesOf(r: SummaryRow): SummaryCandidate[] {
    if (r.candidates.length === 0) return [];
    const self = { id: r.id, caseId: r.caseId, payee: r.payee, amount: new Dec(r.amount), status: r.status, createdAt: new Date(r.createdAt) };
    return r.candidates.filter((c) => isPossibleDuplicate(self, { ...c, amount: new Dec(c.amount), createdAt: new Date(c.createdAt) }));
  }

  /**
   * List items from their summary rows: the comparison totals from the sums the query made (the
   * same figures as the item's comparison), the possible duplicates by the rule of duplicates.ts
   * among the candidates the query found. Only expand=comparison reads the cost lines and builds
   * full comparisons.
   */
  private async summaries(rows: SummaryRow[], expand: readonly RequestExpansion[], locale: 'nl' | 'en'): Promise<RequestSummaryDto[]> {
    if (rows.length === 0) return [];
    const maatwerk = rows.map((r) => maatwerkCostOf(r));
    let comparisons: (ComparisonTotals | Comparison)[];
    if (expand.includes('comparison')) {
      const costLines = await this.requests.costLines(rows.map((r) => r.id));
      comparisons = await this.costs.compareMany(
        rows.map((r, i) => ({ maatwerkCost: maatwerk[i], priceYear: r.priceYear, fundId: r.fundId, lines: costLines.get(r.id) ?? [] })),
        locale,
      );
    } else {
      comparisons = rows.map((r, i) => this.costs.totalsOf(r.totals!, { priceYear: r.priceYear, maatwerkCost: maatwerk[i], method: r.fundMethod }));
    }
    const now = this.clock.now();
    return rows.map((r, i) => mapSummaryRow(r, { comparison: comparisons[i], duplicates: this.duplicatesOf(r) }, now, expand) as RequestSummaryDto);
  }

  /** Build the full views of many requests with a fixed number of queries (no N+1). */
  async views(rows: VisibleRequest[], locale: 'nl' | 'en' = 'nl'): Promise<RequestDto[]> {
    if (rows.length === 0) return [];
    const entities = rows.map((r) => r.entity);
    const ids = entities.map((r) => r.id);
    // sequential on purpose: inside a transaction (idempotent writes) all queries share one connection
    const costLines = await this.requests.costLines(ids);
    const approvals = await this.requests.approvals(ids);
    const events = await this.requests.events(ids);
    const outcomes = await this.requests.outcomes(ids);
    const candidates = await this.requests.duplicateCandidates(entities.map((r) => r.caseId));
    const cases = await this.cases.findByIds(entities.map((r) => r.caseId));
    const funds = await this.funds.names(entities.map((r) => r.fundId));
    const personIds = [
      ...entities.map((r) => r.requesterId),
      ...[...approvals.values()].flat().map((a) => a.approverId),
      ...[...events.values()].flat().map((e) => e.actorId),
    ];
    const people = await this.users.people(personIds);
    const caseCodes = new Map(cases.map((c) => [c.id, c.code]));
    const duplicates = possibleDuplicates(entities, candidates);
    const comparisons = await this.costs.compareMany(
      entities.map((r) => ({ maatwerkCost: maatwerkCostOf(r), priceYear: r.priceYear, fundId: r.fundId, lines: costLines.get(r.id) ?? [] })),
      locale,
    );
    const now = this.clock.now();
    return rows.map(({ entity: r, full }, i) =>
      mapRequest(
        {
          request: r,
          full,
          caseCode: caseCodes.get(r.caseId) ?? null,
          fundName: funds.get(r.fundId) ?? '',
          people,
          approvals: approvals.get(r.id) ?? [],
          duplicates: duplicates.get(r.id) ?? [],
          comparison: comparisons[i],
          events: events.get(r.id) ?? [],
          outcomes: (outcomes.get(r.id) ?? []).map((outcome) => ({ outcome, realised: this.costs.realised(comparisons[i], outcome) })),
        },
        now,
      ),
    );
  }
}

