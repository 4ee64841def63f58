import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthUser } from '../auth/auth.decorators';
import { CaseErrors } from '../cases/case.errors';
import { CasesRepository } from '../cases/cases.repository';
import { DomainError } from '../common/domain-error';
import { decisionDue } from '../common/dutch-time';
import { Dec, formatEuro } from '../common/money';
import { OpenFund } from '../ledger/open-fund';
import { RequestDto } from './request.dto';
import { RequestError, RequestErrors } from './request.errors';
import { RequestApprovalEntity, RequestEntity, RequestEventEntity, RequestStatus } from './request.entities';
import { RequestStepAnswer } from './request-step-answer';
import { RequestStepRepository } from './request-step.repository';
import { RequestQueriesService } from './request-queries.service';
import { assertAllowed, nextStatus } from './request-state';
import { DecisionStep, RequestWorkflow } from './request-workflow';
import { RequestsRepository } from './requests.repository';
import { checkApprover, decideTier, requiredApprovals } from './tiers';

/**
 * The approval workflow: submit (straight to approved within the requester's mandate), approve
 * (one or two budget holders; the money is reserved when the last approval lands), reject, ask for
 * information, withdraw and cancel. Every step is one transaction that locks the fund once: state
 * change, audit event and money movement commit together or not at all. Each answers with the
 * request as it is afterwards.
 */
@Injectable()
export class RequestDecisionsService {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly workflow: RequestWorkflow,
    private readonly queries: RequestQueriesService,
    private readonly cases: CasesRepository,
    private readonly steps: RequestStepRepository,
    private readonly stepAnswer: RequestStepAnswer,
  ) {}

  async submit(user: AuthUser, id: string): Promise<RequestDto> {
    const done = await this.workflow.step(user, id, 'read', 'submit', async ({ fund, request }) => {
      this.workflow.assertRequester(user, request, 'submit');
      const from = request.status;
      const to = nextStatus(from, 'submit');
      const kase = await this.cases.findById(request.caseId);
      if (kase?.status === 'closed') throw CaseErrors.closed(kase.code, 'submit');
      const now = this.workflow.now();
      const decision = decideTier({
        amount: request.amount,
        personalMandate: user.mandate,
        rules: fund.fund,
        personYearTotal: await this.workflow.personYearTotal(request, now),
      });
      if (from === 'info_requested') await this.requests.deleteApprovals(request.id);
      Object.assign(request, {
        status: to,
        tier: decision.tier,
        tierReason: decision.reason,
        submittedAt: now,
        firstSubmittedAt: request.firstSubmittedAt ?? now,
        decisionDue: decisionDue(now, request.urgent, fund.fund),
        infoQuestion: null,
        updatedAt: now,
      });
      await this.workflow.record(fund, request, user, 'professional', from, to, from === 'info_requested' ? 'opnieuw ingediend na vraag om informatie' : 'ingediend', now);
      if (decision.withinMandate) {
        await this.reserveAndApprove(fund, request, user, 'professional', decision.reason, now);
      }
      await this.requests.saveState(request);
    });
    return this.answer(done);
  }

  /**
   * One approval in a decision step (RequestWorkflow.decide): the request and its view are read with
   * one statement under the fund lock, the rules are checked in memory, and the approval, the
   * reservation, the event, the outbox row, the new state and the chain head are written with one
   * statement; the answer is built from that, without reading the request again. Outside a caller's
   * transaction (no Idempotency-Key) it joins its fund's next group transaction (decideGrouped).
   */
  async approve(user: AuthUser, id: string, comment = ''): Promise<RequestDto> {
    return this.stepAnswer.of(await this.workflow.decideGrouped(user, id, 'read', 'approve', this.approval(user, comment)));
  }

  /** The approval by `user` as a decision step (RequestWorkflow.decide, decideGrouped, decideAll). */
  approval(user: AuthUser, comment = ''): (step: DecisionStep) => Promise<void> {
    return async ({ fund, request, access, view, now }) => {
      assertAllowed(request.status, 'approve');
      const batch = fund.batch!;
      // Other requests for this person may have been approved since submission: the cap can only
      // make the tier stricter, never laxer.
      const recheck = decideTier({
        amount: request.amount,
        personalMandate: null,
        rules: fund.fund,
        personYearTotal: view.personYearTotal,
      });
      if (recheck.overPersonCap && request.tier !== 'double') {
        request.tier = recheck.tier;
        request.tierReason = recheck.reason;
      }
      const tier = request.tier ?? 'single';
      const given = view.approvals.map((a) => ({ approverId: a.approverId, organisationId: a.organisationId, role: a.approverRole }));
      const check = checkApprover({
        tier,
        requesterId: request.requesterId,
        given,
        approver: {
          userId: user.id,
          organisationId: user.organisationId,
          isFundHolder: access.fundHolder,
          isSteeringGroup: user.roles.includes('steering_group'),
        },
      });
      if (!check.ok) throw new RequestError(check.kind, check.code, check.message);
      const approval: RequestApprovalEntity = {
        id: randomUUID(),
        requestId: request.id,
        approverId: user.id,
        approverRole: check.role,
        organisationId: user.organisationId,
        comment,
        createdAt: now,
      };
      if (check.completes) {
        const reason = comment || `akkoord (${requiredApprovals(tier) === 2 ? 'tweede akkoord' : 'één budgethouder'})`;
        view.events.push(await this.reserveAndApprove(fund, request, user, check.role, reason, now));
      } else {
        const reason = `eerste akkoord (1 van ${requiredApprovals(tier)})${comment ? `: ${comment}` : ''}`;
        view.events.push(await this.workflow.record(fund, request, user, check.role, request.status, request.status, reason, now));
      }
      this.steps.insertApproval(batch, approval);
      view.approvals.push(approval);
      request.updatedAt = now;
      this.steps.saveState(batch, request);
    };
  }

  async reject(user: AuthUser, id: string, reason: string): Promise<RequestDto> {
    const done = await this.workflow.step(user, id, 'decide', 'reject', async ({ fund, request, access }) => {
      const to = nextStatus(request.status, 'reject');
      const now = this.workflow.now();
      const from = request.status;
      Object.assign(request, { status: to, decidedAt: now, updatedAt: now });
      await this.workflow.record(fund, request, user, access.role, from, to, reason, now);
      await this.requests.saveState(request);
    });
    return this.answer(done);
  }

  async requestInfo(user: AuthUser, id: string, question: string): Promise<RequestDto> {
    const done = await this.workflow.step(user, id, 'decide', 'ask for information on', async ({ fund, request, access }) => {
      const to = nextStatus(request.status, 'request_info');
      const now = this.workflow.now();
      const from = request.status;
      Object.assign(request, { status: to, infoQuestion: question, updatedAt: now });
      await this.workflow.record(fund, request, user, access.role, from, to, question, now);
      await this.requests.saveState(request);
    });
    return this.answer(done);
  }

  /** By the requester, before any payment; gives back what was reserved. */
  async withdraw(user: AuthUser, id: string, reason = ''): Promise<RequestDto> {
    const done = await this.workflow.step(user, id, 'read', 'withdraw', async ({ fund, request }) => {
      this.workflow.assertRequester(user, request, 'withdraw');
      const to = nextStatus(request.status, 'withdraw');
      if (request.paidAmount.gt(0)) {
        throw RequestErrors.partlyPaid();
      }
      await this.close(fund, request, user, 'professional', to, reason || 'ingetrokken door de aanvrager');
    });
    return this.answer(done);
  }

  /** By an administrator or a budget holder of the fund: releases what is committed and not paid. */
  async cancel(user: AuthUser, id: string, reason = ''): Promise<RequestDto> {
    const done = await this.workflow.step(user, id, 'cancel', 'cancel', async ({ fund, request, access }) => {
      const to = nextStatus(request.status, 'cancel');
      await this.close(fund, request, user, access.role, to, reason || 'geannuleerd');
    });
    return this.answer(done);
  }

  /**
   * The request as the step left it, from the entity the step holds (see RequestQueriesService.viewOf):
   * the answer does not look the request up again.
   */
  private answer(done: { request: RequestEntity; access: { full: boolean } }): Promise<RequestDto> {
    return this.queries.viewOf(done.request, done.access.full);
  }

  private async close(fund: OpenFund, request: RequestEntity, user: AuthUser, role: string, to: RequestStatus, reason: string) {
    const now = this.workflow.now();
    const from = request.status;
    const held = request.committedAmount;
    if (held.gt(0)) {
      await fund.release({
        requestId: request.id,
        amount: held,
        actorId: user.id,
        memo: `${to === 'withdrawn' ? 'ingetrokken' : 'geannuleerd'}: reservering ${formatEuro(held)} vrijgegeven`,
      });
    }
    Object.assign(request, { status: to, committedAmount: new Dec(0), updatedAt: now });
    await this.workflow.record(fund, request, user, role, from, to, reason, now);
    await this.requests.saveState(request);
  }

  /** Reserve the amount (409 when the fund cannot cover it) and move submitted → approved. */
  private async reserveAndApprove(fund: OpenFund, request: RequestEntity, user: AuthUser, role: string, reason: string, now: Date): Promise<RequestEventEntity> {
    const from = request.status;
    const to = nextStatus(from, 'approve');
    await fund.reserve({ requestId: request.id, amount: request.amount, actorId: user.id, memo: `reservering voor aanvraag "${request.title}"` });
    Object.assign(request, { status: to, committedAmount: request.amount, decidedAt: now });
    return this.workflow.record(fund, request, user, role, from, to, reason, now);
  }
}
