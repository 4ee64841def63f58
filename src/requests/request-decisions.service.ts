import { Injectable } from '@nestjs/common';
import { AuthUser, hasRole } from '../auth/auth.decorators';
import { CasesRepository } from '../cases/cases.repository';
import { DomainError } from '../common/domain-error';
import { Dec, formatEuro } from '../common/money';
import { TransactionRunner } from '../database/transaction-runner';
import { LedgerService } from '../ledger/ledger.service';
import { decisionDue } from '../common/dutch-time';
import { RequestEntity, RequestStatus } from './request.entities';
import { assertAllowed, nextStatus } from './request-state';
import { LockedRequest, RequestWorkflow } from './request-workflow';
import { RequestsRepository } from './requests.repository';
import { checkApprover, decideTier, requiredApprovals } from './tiers';

/**
 * The approval workflow: submit (straight to approved within the requester's mandate), approve
 * (one or two budget holders; the money is reserved when the last approval lands), reject, ask for
 * information, withdraw and cancel. Every step is one transaction: state change, audit event and
 * money movement commit together or not at all.
 */
@Injectable()
export class RequestDecisionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly requests: RequestsRepository,
    private readonly workflow: RequestWorkflow,
    private readonly ledger: LedgerService,
    private readonly cases: CasesRepository,
  ) {}

  submit(user: AuthUser, id: string): Promise<void> {
    return this.tx.run(async () => {
      const { fund, request } = await this.workflow.lock(user, id);
      this.workflow.assertRequester(user, request, 'submit');
      const from = request.status;
      const to = nextStatus(from, 'submit');
      const kase = await this.cases.findById(request.caseId);
      if (kase?.status === 'closed') throw DomainError.conflict('CASE.CLOSED', `case ${kase.code} is closed; its requests can no longer be submitted`);
      const now = this.workflow.now();
      const decision = decideTier({
        amount: request.amount,
        personalMandate: user.mandate,
        rules: fund,
        personYearTotal: await this.workflow.personYearTotal(request, now),
      });
      if (from === 'info_requested') await this.requests.deleteApprovals(request.id);
      Object.assign(request, {
        status: to,
        tier: decision.tier,
        tierReason: decision.reason,
        submittedAt: now,
        firstSubmittedAt: request.firstSubmittedAt ?? now,
        decisionDue: decisionDue(now, request.urgent, fund),
        infoQuestion: null,
        updatedAt: now,
      });
      await this.workflow.record(request, user, 'professional', from, to, from === 'info_requested' ? 'opnieuw ingediend na vraag om informatie' : 'ingediend', now);
      if (decision.withinMandate) {
        await this.reserveAndApprove(request, user, 'professional', decision.reason, now);
      }
      await this.requests.save(request);
    });
  }

  approve(user: AuthUser, id: string, comment = ''): Promise<void> {
    return this.tx.run(async () => {
      const { fund, request } = await this.workflow.lock(user, id);
      assertAllowed(request.status, 'approve');
      const now = this.workflow.now();
      // Other requests for this person may have been approved since submission: the cap can only
      // make the tier stricter, never laxer.
      const recheck = decideTier({
        amount: request.amount,
        personalMandate: null,
        rules: fund,
        personYearTotal: await this.workflow.personYearTotal(request, now),
      });
      if (recheck.overPersonCap && request.tier !== 'double') {
        request.tier = recheck.tier;
        request.tierReason = recheck.reason;
      }
      const tier = request.tier ?? 'single';
      const given = ((await this.requests.approvals([request.id])).get(request.id) ?? []).map((a) => ({
        approverId: a.approverId,
        organisationId: a.organisationId,
        role: a.approverRole,
      }));
      const check = checkApprover({
        tier,
        requesterId: request.requesterId,
        given,
        approver: {
          userId: user.id,
          organisationId: user.organisationId,
          isFundHolder: hasRole(user, 'budget_holder') && (await this.requests.isFundHolder(fund.id, user.id)),
          isSteeringGroup: hasRole(user, 'steering_group'),
        },
      });
      if (!check.ok) throw new DomainError(check.kind, check.code, check.message);
      await this.requests.insertApproval({
        requestId: request.id,
        approverId: user.id,
        approverRole: check.role,
        organisationId: user.organisationId,
        comment,
        createdAt: now,
      });
      if (check.completes) {
        const reason = comment || `akkoord (${requiredApprovals(tier) === 2 ? 'tweede akkoord' : 'één budgethouder'})`;
        await this.reserveAndApprove(request, user, check.role, reason, now);
      } else {
        const reason = `eerste akkoord (1 van ${requiredApprovals(tier)})${comment ? `: ${comment}` : ''}`;
        await this.workflow.record(request, user, check.role, request.status, request.status, reason, now);
      }
      request.updatedAt = now;
      await this.requests.save(request);
    });
  }

  reject(user: AuthUser, id: string, reason: string): Promise<void> {
    return this.tx.run(async () => {
      const locked = await this.workflow.lock(user, id);
      const { request } = locked;
      const to = nextStatus(request.status, 'reject');
      const role = await this.assertDecider(user, locked, 'reject');
      const now = this.workflow.now();
      const from = request.status;
      Object.assign(request, { status: to, decidedAt: now, updatedAt: now });
      await this.workflow.record(request, user, role, from, to, reason, now);
      await this.requests.save(request);
    });
  }

  requestInfo(user: AuthUser, id: string, question: string): Promise<void> {
    return this.tx.run(async () => {
      const locked = await this.workflow.lock(user, id);
      const { request } = locked;
      const to = nextStatus(request.status, 'request_info');
      const role = await this.assertDecider(user, locked, 'ask for information on');
      const now = this.workflow.now();
      const from = request.status;
      Object.assign(request, { status: to, infoQuestion: question, updatedAt: now });
      await this.workflow.record(request, user, role, from, to, question, now);
      await this.requests.save(request);
    });
  }

  /** By the requester, before any payment; gives back what was reserved. */
  withdraw(user: AuthUser, id: string, reason = ''): Promise<void> {
    return this.tx.run(async () => {
      const { request } = await this.workflow.lock(user, id);
      this.workflow.assertRequester(user, request, 'withdraw');
      const to = nextStatus(request.status, 'withdraw');
      if (request.paidAmount.gt(0)) {
        throw DomainError.conflict('REQUEST.PARTLY_PAID', 'request has been (partly) paid; cannot withdraw — ask an administrator to cancel the rest');
      }
      await this.close(request, user, 'professional', to, reason || 'ingetrokken door de aanvrager');
    });
  }

  /** By an administrator or a budget holder of the fund: releases what is committed and not paid. */
  cancel(user: AuthUser, id: string, reason = ''): Promise<void> {
    return this.tx.run(async () => {
      const { fund, request } = await this.workflow.lock(user, id);
      const to = nextStatus(request.status, 'cancel');
      const admin = hasRole(user, 'admin');
      const holder = hasRole(user, 'budget_holder') && (await this.requests.isFundHolder(fund.id, user.id));
      if (!admin && !holder) throw DomainError.forbidden(`only an administrator or a budget holder of fund "${fund.name}" can cancel this request`);
      await this.close(request, user, admin ? 'admin' : 'budget_holder', to, reason || 'geannuleerd');
    });
  }

  private async close(request: RequestEntity, user: AuthUser, role: string, to: RequestStatus, reason: string) {
    const now = this.workflow.now();
    const from = request.status;
    const held = request.committedAmount;
    if (held.gt(0)) {
      await this.ledger.release({
        fundId: request.fundId,
        requestId: request.id,
        amount: held,
        actorId: user.id,
        memo: `${to === 'withdrawn' ? 'ingetrokken' : 'geannuleerd'}: reservering ${formatEuro(held)} vrijgegeven`,
      });
    }
    Object.assign(request, { status: to, committedAmount: new Dec(0), updatedAt: now });
    await this.workflow.record(request, user, role, from, to, reason, now);
    await this.requests.save(request);
  }

  /** Reserve the amount (409 when the fund cannot cover it) and move submitted → approved. */
  private async reserveAndApprove(request: RequestEntity, user: AuthUser, role: string, reason: string, now: Date) {
    const from = request.status;
    const to = nextStatus(from, 'approve');
    await this.ledger.reserve({
      fundId: request.fundId,
      requestId: request.id,
      amount: request.amount,
      actorId: user.id,
      memo: `reservering voor aanvraag "${request.title}"`,
    });
    Object.assign(request, { status: to, committedAmount: request.amount, decidedAt: now });
    await this.workflow.record(request, user, role, from, to, reason, now);
  }

  /**
   * Who may reject or ask for information: a budget holder of the fund; for a request that waits for
   * its second approval also a steering-group member. Never the requester.
   */
  private async assertDecider(user: AuthUser, { fund, request }: LockedRequest, verb: string): Promise<string> {
    if (request.requesterId === user.id) throw DomainError.forbidden(`you cannot ${verb} your own request (four-eyes principle)`);
    if (hasRole(user, 'budget_holder') && (await this.requests.isFundHolder(fund.id, user.id))) return 'budget_holder';
    if (hasRole(user, 'steering_group') && request.tier === 'double') {
      const given = (await this.requests.approvals([request.id])).get(request.id) ?? [];
      if (given.length === 1) return 'steering_group';
    }
    throw DomainError.forbidden(`only a budget holder of fund "${fund.name}" can ${verb} this request`);
  }
}

