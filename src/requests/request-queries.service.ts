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
import { possibleDuplicates } from './duplicates';
import { RequestErrors } from './request.errors';
import { ListRequestsQueryDto, RequestDto, RequestExpansion, RequestPageDto, RequestSummaryDto } from './request.dto';
import { RequestEntity } from './request.entities';
import { mapRequest, mapRequestSummary } from './request.mapper';
import { RequestsRepository, VisibleRequest } from './requests.repository';

/**
 * Reading requests: one in full (comparison, approvals, duplicates, history and outcomes), or a page
 * of summaries (state, figures and comparison totals; `expand` adds the full comparison and history).
 */
@Injectable()
export class RequestQueriesService {
  constructor(
    private readonly requests: RequestsRepository,
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
    const after = query.cursor ? decodeCursor(query.cursor, 2) : null;
    const rows = await this.requests.page(
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
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1]?.entity;
    const key = (r: RequestEntity) => (order === 'newest' ? r.createdAt.toISOString() : r.decisionDue ? r.decisionDue.toISOString() : null);
    return {
      items: await this.summaries(page, query.expand ?? [], locale),
      next: rows.length > limit && last ? encodeCursor([key(last), last.id]) : null,
    };
  }

  /**
   * List items with a fixed number of queries (no N+1): cost lines, duplicate candidates, case
   * codes, fund names and people, plus the events when the history is expanded.
   */
  async summaries(rows: VisibleRequest[], expand: readonly RequestExpansion[] = [], locale: 'nl' | 'en' = 'nl'): Promise<RequestSummaryDto[]> {
    if (rows.length === 0) return [];
    const entities = rows.map((r) => r.entity);
    const ids = entities.map((r) => r.id);
    const withHistory = expand.includes('history');
    // sequential on purpose: inside a transaction all queries share one connection
    const costLines = await this.requests.costLines(ids);
    const events = withHistory ? await this.requests.events(ids) : new Map<string, never[]>();
    // queues show "1 van 2 akkoorden" from the approvals (expand=approvals)
    const approvals = expand.includes('approvals') ? await this.requests.approvals(ids) : new Map<string, never[]>();
    const outcomes = await this.requests.outcomes(ids);
    const candidates = await this.requests.duplicateCandidates(entities.map((r) => r.caseId));
    const cases = await this.cases.findByIds(entities.map((r) => r.caseId));
    const funds = await this.funds.names(entities.map((r) => r.fundId));
    const people = await this.users.people([
      ...entities.map((r) => r.requesterId),
      ...[...approvals.values()].flat().map((a) => a.approverId),
      ...[...events.values()].flat().map((e) => e.actorId),
    ]);
    const caseCodes = new Map(cases.map((c) => [c.id, c.code]));
    const duplicates = possibleDuplicates(entities, candidates);
    const comparisons = await this.costs.compareMany(
      entities.map((r) => ({ maatwerkCost: maatwerkCostOf(r), priceYear: r.priceYear, lines: costLines.get(r.id) ?? [] })),
      locale,
    );
    const now = this.clock.now();
    return rows.map(({ entity: r, full }, i) =>
      mapRequestSummary(
        {
          request: r,
          full,
          caseCode: caseCodes.get(r.caseId) ?? null,
          fundName: funds.get(r.fundId) ?? '',
          people,
          approvals: approvals.get(r.id) ?? [],
          followedUpMonths: (outcomes.get(r.id) ?? []).map((o) => o.months),
          duplicates: duplicates.get(r.id) ?? [],
          comparison: comparisons[i],
          events: events.get(r.id) ?? [],
        },
        now,
        expand,
      ),
    );
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

