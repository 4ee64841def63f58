import { Injectable } from '@nestjs/common';
import { AuthUser } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { CostComparisonService } from '../cost-comparison/cost-comparison.service';
import { OutcomeDto, RequestDto } from './request.dto';
import { RequestQueriesService } from './request-queries.service';
import type { OutcomeLine } from '../cost-comparison/comparison.types';
import { nextStatus } from './request-state';
import { RequestErrors } from './request.errors';
import { RequestWorkflow } from './request-workflow';
import { RequestsRepository } from './requests.repository';

const GOAL_NL: Record<OutcomeDto['goalReached'], string> = { yes: 'ja', partly: 'deels', no: 'nee' };

/** Follow-up after 3, 6 or 12 months: what of the conventional route happened anyway. */
@Injectable()
export class RequestOutcomesService {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly workflow: RequestWorkflow,
    private readonly costs: CostComparisonService,
    private readonly queries: RequestQueriesService,
  ) {}

  async record(user: AuthUser, id: string, dto: OutcomeDto): Promise<RequestDto> {
    await this.workflow.step(user, id, 'read', 'record an outcome for', async ({ fund, request }) => {
      this.workflow.assertRequester(user, request, 'record an outcome for');
      const from = request.status;
      const to = nextStatus(from, 'record_outcome');
      const existing = (await this.requests.outcomes([request.id])).get(request.id) ?? [];
      if (existing.some((o) => o.months === dto.months)) {
        throw RequestErrors.outcomeExists(dto.months);
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
      await this.workflow.record(fund, request, user, 'professional', from, to, `follow-up na ${dto.months} maanden; doel bereikt: ${GOAL_NL[dto.goalReached]}`, now);
      await this.requests.save(request);
    });
    return this.queries.get(user, id);
  }
}
