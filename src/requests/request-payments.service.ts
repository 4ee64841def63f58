import { Injectable } from '@nestjs/common';
import { AuthUser } from '../auth/auth.decorators';
import { Dec, formatEuro } from '../common/money';
import { TransactionRunner } from '../database/transaction-runner';
import { OpenFund } from '../ledger/open-fund';
import { PayDto, RequestDto, RetroactiveRequestDto } from './request.dto';
import { RequestQueriesService } from './request-queries.service';
import { RequestEntity } from './request.entities';
import { RequestDraftsService } from './request-drafts.service';
import { assertAllowed, nextStatus, RETROACTIVE_ENTRY_STATUS } from './request-state';
import { RequestErrors } from './request.errors';
import { RequestWorkflow } from './request-workflow';
import { RequestsRepository } from './requests.repository';
import { decideTier } from './tiers';

/** Money out: payments by an administrator, and expenses registered afterwards within a mandate. */
@Injectable()
export class RequestPaymentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly requests: RequestsRepository,
    private readonly workflow: RequestWorkflow,
    private readonly drafts: RequestDraftsService,
    private readonly queries: RequestQueriesService,
  ) {}

  /**
   * Disburse (part of) the commitment. The request is paid once nothing stays committed: the whole
   * commitment is paid, or the rest is released with `releaseRemainder`. Until then it stays approved.
   */
  async pay(user: AuthUser, id: string, dto: PayDto): Promise<RequestDto> {
    await this.workflow.step(user, id, 'read', 'pay', async ({ fund, request }) => {
      assertAllowed(request.status, 'pay');
      const committed = request.committedAmount;
      const amount = dto.amount ? new Dec(dto.amount) : committed;
      if (amount.gt(committed)) {
        throw RequestErrors.payExceedsCommitment(amount, committed);
      }
      const rest = committed.minus(amount);
      const release = dto.releaseRemainder === true && rest.gt(0);
      const now = this.workflow.now();
      await fund.pay({ requestId: request.id, amount, reference: dto.reference, actorId: user.id, paidAt: now, releaseRemainder: release });
      request.paidAmount = request.paidAmount.plus(amount);
      request.committedAmount = release ? new Dec(0) : rest;
      const from = request.status;
      const done = request.committedAmount.isZero();
      const to = done ? nextStatus(from, 'pay') : from;
      let reason = `${done ? 'betaald' : 'deelbetaling'} ${formatEuro(amount)}, referentie ${dto.reference}`;
      if (release) reason += `; rest van de reservering (${formatEuro(rest)}) vrijgegeven`;
      else if (!done) reason += `; nog gereserveerd ${formatEuro(rest)}`;
      Object.assign(request, { status: to, updatedAt: now });
      await this.workflow.record(fund, request, user, 'admin', from, to, reason, now);
      await this.requests.save(request);
    });
    return this.queries.get(user, id);
  }

  /**
   * Spend first, justify after: an expense the professional already made, up to their own mandate,
   * registered as approved, reserved and paid at once (tier 'requester', retroactive). Above the
   * mandate (or over the person cap) it is a 422 and nothing is stored.
   */
  async registerRetroactive(user: AuthUser, dto: RetroactiveRequestDto): Promise<RequestDto> {
    const id = await this.tx.run(async () => {
      await this.drafts.assertCanRequest(user, dto);
      return this.workflow.withFund(dto.fundId, (fund) => this.spendWithinMandate(user, dto, fund));
    });
    return this.queries.get(user, id);
  }

  private async spendWithinMandate(user: AuthUser, dto: RetroactiveRequestDto, open: OpenFund): Promise<string> {
      const request = await this.drafts.newRequest(user, dto, open, { retroactive: true });
      const fund = open.fund;
      const now = request.createdAt;
      const decision = decideTier({
        amount: request.amount,
        personalMandate: user.mandate,
        rules: fund,
        personYearTotal: await this.workflow.personYearTotal(request, now),
      });
      if (!decision.withinMandate) {
        const detail = decision.overPersonCap
          ? `${formatEuro(request.amount)} would take this case over the person cap of fund "${fund.name}"; submit a normal request`
          : `${formatEuro(request.amount)} is above your mandate of ${formatEuro(decision.mandate)}; submit a normal request instead`;
        throw RequestErrors.aboveMandate(detail);
      }
      Object.assign(request, {
        status: RETROACTIVE_ENTRY_STATUS,
        tier: decision.tier,
        tierReason: decision.reason,
        submittedAt: now,
        firstSubmittedAt: now,
        decidedAt: now,
      });
      await this.workflow.record(open, request, user, 'professional', null, RETROACTIVE_ENTRY_STATUS, `achteraf geregistreerd: ${decision.reason}`, now);
      await open.reserve({ requestId: request.id, amount: request.amount, actorId: user.id, memo: `achteraf geregistreerde uitgave "${request.title}"` });
      await open.pay({ requestId: request.id, amount: request.amount, reference: dto.reference, actorId: user.id, paidAt: this.workflow.now() });
      await this.markPaid(open, request, user, dto.reference, now);
      return request.id;
  }

  private async markPaid(fund: OpenFund, request: RequestEntity, user: AuthUser, reference: string, now: Date): Promise<void> {
    const from = request.status;
    const to = nextStatus(from, 'pay');
    Object.assign(request, { status: to, paidAmount: request.amount, committedAmount: new Dec(0), updatedAt: now });
    await this.workflow.record(fund, request, user, 'professional', from, to, `betaald ${formatEuro(request.amount)}, referentie ${reference}`, now);
    await this.requests.save(request);
  }
}
