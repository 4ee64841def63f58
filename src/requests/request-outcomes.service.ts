import { Injectable } from '@nestjs/common';
import { AuthUser } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { CostComparisonService } from '../cost-comparison/cost-comparison.service';
import { TransactionRunner } from '../database/transaction-runner';
import { OutcomeDto } from './request.dto';
import { OutcomeLine } from './request.entities';
import { nextStatus } from './request-state';
import { RequestWorkflow } from './request-workflow';
import { RequestsRepository } from './requests.repository';

const GOAL_NL: Record<OutcomeDto['goalReached'], string> = { yes: 'ja', partly: 'deels', no: 'nee' };

/** Follow-up after 3, 6 or 12 months: what of the conventional route happened anyway. */
@Injectable()
export class RequestOutcomesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly requests: RequestsRepository,
    private readonly workflow: RequestWorkflow,
    private readonly costs: CostComparisonService,
  ) {}

  record(user: AuthUser, id: string, dto: OutcomeDto): Promise<void> {
    return this.tx.run(async () => {
      const { request } = await this.workflow.lock(user, id);
      this.workflow.assertRequester(user, request, 'record an outcome for');
      const from = request.status;
      const to = nextStatus(from, 'record_outcome');
      const existing = (await this.requests.outcomes([request.id])).get(request.id) ?? [];
      if (existing.some((o) => o.months === dto.months)) {
        throw DomainError.conflict('REQUEST.OUTCOME_EXISTS', `the follow-up after ${dto.months} months is already recorded for this request`);
      }
      const lines: OutcomeLine[] = dto.lines.map((l) => ({
        costItemKey: l.costItemKey,
        happened: l.happened,
        ...(l.fraction !== undefined ? { fraction: l.fraction } : {}),
      }));
      // checks that the outcome covers exactly the route's items (400 naming `lines` otherwise)
      const comparison = await this.costs.compare({
        maatwerkCost: request.paidAmount,
        priceYear: request.priceYear,
        fundId: request.fundId,
        lines: (await this.requests.costLines([request.id])).get(request.id) ?? [],
      });
      this.costs.realised(comparison, { lines });
      const now = this.workflow.now();
      await this.requests.insertOutcome({
        requestId: request.id,
        months: dto.months,
        goalReached: dto.goalReached,
        solvedWithoutMoney: dto.solvedWithoutMoney ?? false,
        lines,
        note: dto.note ?? '',
        recordedBy: user.id,
        createdAt: now,
      });
      if (dto.solvedWithoutMoney !== undefined) request.solvedWithoutMoney = dto.solvedWithoutMoney;
      Object.assign(request, { status: to, updatedAt: now });
      await this.workflow.record(request, user, 'professional', from, to, `follow-up na ${dto.months} maanden; doel bereikt: ${GOAL_NL[dto.goalReached]}`, now);
      await this.requests.save(request);
    });
  }
}
