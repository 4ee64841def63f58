import { Injectable } from '@nestjs/common';
import { AuthUser } from '../auth/auth.decorators';
import { AccessService } from '../access/access.service';
import { CaseErrors } from '../cases/case.errors';
import { DomainError } from '../common/domain-error';
import { Dec } from '../common/money';
import { BarriersService } from '../cost-comparison/barriers.service';
import { CostComparisonService } from '../cost-comparison/cost-comparison.service';
import { TransactionRunner } from '../database/transaction-runner';
import { FundsService } from '../funds/funds.service';
import { OpenFund } from '../ledger/open-fund';
import { calendarYear } from '../common/dutch-time';
import { CreateRequestDto, RequestDto, RouteLineDto, UpdateRequestDto } from './request.dto';
import { RequestQueriesService } from './request-queries.service';
import { RequestEntity } from './request.entities';
import { assertAllowed } from './request-state';
import { RequestErrors } from './request.errors';
import { RequestWorkflow } from './request-workflow';
import { RequestsRepository } from './requests.repository';

/** Writing a request: create a draft, edit it while it is a draft or sent back with a question. */
@Injectable()
export class RequestDraftsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly requests: RequestsRepository,
    private readonly workflow: RequestWorkflow,
    private readonly access: AccessService,
    private readonly funds: FundsService,
    private readonly costs: CostComparisonService,
    private readonly barriers: BarriersService,
    private readonly queries: RequestQueriesService,
  ) {}

  /** A new draft. */
  async create(user: AuthUser, dto: CreateRequestDto): Promise<RequestDto> {
    const id = await this.tx.run(async () => {
      await this.assertCanRequest(user, dto);
      return this.workflow.withFund(dto.fundId, async (fund) => {
        const request = await this.newRequest(user, dto, fund);
        await this.workflow.record(fund, request, user, 'professional', null, 'draft', 'aanvraag aangemaakt', request.createdAt);
        return request.id;
      });
    });
    return this.queries.get(user, id);
  }

  /** The case is one of the professional's own (404 naming caseId) and open (409), the fund exists (404 naming fundId). */
  async assertCanRequest(user: AuthUser, dto: Pick<CreateRequestDto, 'caseId' | 'fundId'>): Promise<void> {
    const kase = await this.access.requireCase(user, dto.caseId, 'request');
    if (kase.status === 'closed') throw CaseErrors.closed(kase.code, 'new');
    if (!(await this.funds.findById(dto.fundId))) {
      throw RequestErrors.unknownFund(dto.fundId);
    }
  }

  /**
   * Insert a request with its priced conventional route, status draft, in the open (locked) fund,
   * after `assertCanRequest`. Shared with the retroactive registration, which moves it on at once.
   */
  async newRequest(user: AuthUser, dto: CreateRequestDto, fund: OpenFund, fields: Partial<RequestEntity> = {}): Promise<RequestEntity> {
    await this.barriers.assertActive(dto.barriers ?? []);
    const now = this.workflow.now();
    const priceYear = calendarYear(now);
    const lines = await this.price(dto.conventionalRoute, priceYear);
    const request = await this.requests.save(
      this.requests.create({
        caseId: dto.caseId,
        fundId: fund.id,
        requesterId: user.id,
        organisationId: user.organisationId,
        title: dto.title,
        justification: dto.justification,
        amount: new Dec(dto.amount),
        payee: dto.payee,
        lifeDomain: dto.lifeDomain,
        urgent: dto.urgent ?? false,
        barriers: dto.barriers ?? [],
        existingProvisions: (dto.existingProvisions ?? []).map((p) => ({ provision: p.provision, reason: p.reason, ...(p.note ? { note: p.note } : {}) })),
        residentWish: dto.residentWish ?? '',
        status: 'draft',
        tier: null,
        tierReason: null,
        retroactive: false,
        solvedWithoutMoney: false,
        priceYear,
        committedAmount: new Dec(0),
        paidAmount: new Dec(0),
        infoQuestion: null,
        submittedAt: null,
        firstSubmittedAt: null,
        decisionDue: null,
        decidedAt: null,
        createdAt: now,
        updatedAt: now,
        ...fields,
      }),
    );
    await this.requests.replaceCostLines(request.id, lines);
    return request;
  }

  /** PATCH by the requester, only in draft or info_requested. */
  async update(user: AuthUser, id: string, dto: UpdateRequestDto): Promise<RequestDto> {
    await this.workflow.step(user, id, 'read', 'edit', async ({ request }) => {
      this.workflow.assertRequester(user, request, 'edit');
      assertAllowed(request.status, 'edit');
      if (dto.barriers !== undefined) await this.barriers.assertActive(dto.barriers);
      if (dto.conventionalRoute !== undefined) {
        await this.requests.replaceCostLines(request.id, await this.price(dto.conventionalRoute, request.priceYear));
      }
      if (dto.title !== undefined) request.title = dto.title;
      if (dto.justification !== undefined) request.justification = dto.justification;
      if (dto.amount !== undefined) request.amount = new Dec(dto.amount);
      if (dto.payee !== undefined) request.payee = dto.payee;
      if (dto.lifeDomain !== undefined) request.lifeDomain = dto.lifeDomain;
      if (dto.urgent !== undefined) request.urgent = dto.urgent;
      if (dto.barriers !== undefined) request.barriers = dto.barriers;
      if (dto.residentWish !== undefined) request.residentWish = dto.residentWish;
      if (dto.existingProvisions !== undefined) {
        request.existingProvisions = dto.existingProvisions.map((p) => ({ provision: p.provision, reason: p.reason, ...(p.note ? { note: p.note } : {}) }));
      }
      request.updatedAt = this.workflow.now();
      await this.requests.save(request);
    });
    return this.queries.get(user, id);
  }

  private async price(route: RouteLineDto[], priceYear: number) {
    const priced = await this.costs.priceRoute(
      route.map((l) => ({
        costItemKey: l.costItemKey, quantity: l.quantity, probability: l.probability, note: l.note ?? null,
        years: l.years, deadweight: l.deadweight, attribution: l.attribution,
      })),
      priceYear,
    );
    return priced.map((p) => ({
      position: p.position,
      costItemId: p.costItemId,
      costItemKey: p.costItemKey,
      quantity: p.quantity,
      probability: p.probability,
      note: p.note,
      unitAmount: p.unitAmount,
      unindexed: p.unindexed,
      years: p.years,
      deadweight: p.deadweight,
      attribution: p.attribution,
    }));
  }
}
