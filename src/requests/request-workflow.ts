import { Injectable } from '@nestjs/common';
import { AccessService, RequestAccess, RequestPurpose } from '../access/access.service';
import { AuthUser } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { calendarYear, startOfYear } from '../common/dutch-time';
import { TransactionRunner } from '../database/transaction-runner';
import { chainedReason, REQUEST_EVENT_FORMAT, requestEventChainContent } from '../ledger/hash-chain';
import { LedgerService } from '../ledger/ledger.service';
import { OpenFund } from '../ledger/open-fund';
import { RequestEntity, RequestStatus } from './request.entities';
import { RequestErrors } from './request.errors';
import { RequestStepListener } from './request-step.listener';
import { reasonCodeOf } from './reason-codes';
import { RequestsRepository } from './requests.repository';

/** What one workflow step works on: the open (locked) fund, the locked request, and the actor's access. */
export interface WorkflowStep {
  fund: OpenFund;
  request: RequestEntity;
  access: RequestAccess;
}

/**
 * What every workflow step shares: check access, lock the fund once (then the request, always in
 * that order, so two steps cannot deadlock), and write the step's audit events into the fund's hash
 * chain in the same transaction. The chain head is written once per step, when it ends.
 */
@Injectable()
export class RequestWorkflow {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly requests: RequestsRepository,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
    private readonly listener: RequestStepListener,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  /**
   * One step on request `id` as `user`, for `purpose` (see AccessService), in one transaction.
   * Returns what `work` returned and the request and access the step held, for the answer's view.
   */
  step<T>(
    user: AuthUser, id: string, purpose: RequestPurpose, verb: string, work: (step: WorkflowStep) => Promise<T>,
  ): Promise<{ result: T; request: RequestEntity; access: RequestAccess }> {
    return this.tx.run(async () => {
      const access = await this.access.requireRequest(user, id, purpose, verb);
      return this.ledger.withFund(access.fundId, async (fund) => {
        const request = await this.requests.lockById(id);
        if (!request) throw DomainError.notFound('request', id);
        return { result: await work({ fund, request, access }), request, access };
      });
    });
  }

  /**
   * A step the caller has authorised itself (an administrator's bank reconciliation): the request's
   * fund opened and the request locked, in that order, without an access check.
   */
  stepOn<T>(fundId: string, requestId: string, work: (step: { fund: OpenFund; request: RequestEntity }) => Promise<T>): Promise<T> {
    return this.ledger.withFund(fundId, async (fund) => {
      const request = await this.requests.lockById(requestId);
      if (!request) throw DomainError.notFound('request', requestId);
      return work({ fund, request });
    });
  }

  /** Save the request a step changed. */
  save(request: RequestEntity): Promise<RequestEntity> {
    return this.requests.save(request);
  }

  /** A step on a request that is being created in this transaction (drafts, retroactive expenses). */
  withFund<T>(fundId: string, work: (fund: OpenFund) => Promise<T>): Promise<T> {
    return this.ledger.withFund(fundId, work);
  }

  /** Only the requester may do this (submit, edit, withdraw, outcome). */
  assertRequester(user: AuthUser, request: RequestEntity, verb: string): void {
    if (request.requesterId !== user.id) throw RequestErrors.notRequester(verb);
  }

  /**
   * One append-only request_events row, chained into the fund's hash chain, and the listener told:
   * whoever must hear of the step is told once the transaction has committed.
   */
  async record(
    fund: OpenFund,
    request: RequestEntity,
    actor: { id: string },
    actorRole: string,
    fromStatus: RequestStatus | null,
    toStatus: RequestStatus,
    reason: string,
    at: Date = this.clock.now(),
  ): Promise<void> {
    const chained = chainedReason(reason);
    const fields = {
      requestId: request.id,
      fundId: request.fundId,
      actorId: actor.id,
      actorRole,
      fromStatus,
      toStatus,
      reasonDigest: chained.reasonDigest,
      createdAt: at,
    };
    const link = fund.chain(requestEventChainContent(fields));
    const coded = reasonCodeOf(reason);
    const eventId = await this.requests.insertEvent({
      ...fields, reason, reasonSalt: chained.reasonSalt, chainFormat: REQUEST_EVENT_FORMAT, reasonErasedAt: null,
      reasonCode: coded?.code ?? null, reasonParams: coded?.params ?? null, chainSeq: link.chainSeq, prevHash: link.prevHash, hash: link.hash,
    });
    await this.listener.stepRecorded(eventId, request.id, at);
  }

  /** Committed + paid for the case in this fund in the current calendar year (Dutch time), other than `request`. */
  personYearTotal(request: Pick<RequestEntity, 'id' | 'caseId' | 'fundId'>, at: Date = this.clock.now()) {
    const year = calendarYear(at);
    return this.requests.personTotal(request.caseId, request.fundId, request.id ?? null, startOfYear(year), startOfYear(year + 1));
  }
}
