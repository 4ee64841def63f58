import { Injectable } from '@nestjs/common';
import { AuthUser } from '../auth/auth.decorators';
import { scopeOf } from '../access/visibility';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { FundEntity } from '../funds/fund.entity';
import { requestEventChainContent } from '../ledger/hash-chain';
import { LedgerService } from '../ledger/ledger.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RequestEntity, RequestStatus } from './request.entities';
import { reasonCodeOf } from './reason-codes';
import { RequestsRepository } from './requests.repository';
import { startOfYear, calendarYear } from '../common/dutch-time';

export interface LockedRequest {
  fund: FundEntity;
  request: RequestEntity;
  /** seen in full by the actor (false: only anonymised, as the steering group) */
  full: boolean;
}

/**
 * What every workflow step shares: find the request in the actor's sight, lock fund then request
 * (always in that order, so two steps cannot deadlock), and write the audit event into the fund's
 * hash chain in the same transaction. Callers run inside `TransactionRunner.run`.
 */
@Injectable()
export class RequestWorkflow {
  constructor(
    private readonly requests: RequestsRepository,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async lock(user: AuthUser, id: string): Promise<LockedRequest> {
    const visible = await this.requests.findVisible(scopeOf(user), id);
    if (!visible) throw DomainError.notFound('request', id);
    const fund = await this.ledger.lockFund(visible.entity.fundId);
    const request = await this.requests.lockById(id);
    if (!request) throw DomainError.notFound('request', id);
    return { fund, request, full: visible.full };
  }

  /** Only the requester may do this (submit, edit, withdraw, outcome). */
  assertRequester(user: AuthUser, request: RequestEntity, verb: string): void {
    if (request.requesterId !== user.id) throw DomainError.forbidden(`only the requester can ${verb} this request`);
  }

  /**
   * One append-only request_events row, chained into the fund's hash chain, and its outbox row:
   * whoever must hear of the step is told once the transaction has committed.
   */
  async record(
    request: RequestEntity,
    actor: { id: string },
    actorRole: string,
    fromStatus: RequestStatus | null,
    toStatus: RequestStatus,
    reason: string,
    at: Date = this.clock.now(),
  ): Promise<void> {
    const fields = {
      requestId: request.id,
      fundId: request.fundId,
      actorId: actor.id,
      actorRole,
      fromStatus,
      toStatus,
      reason,
      createdAt: at,
    };
    const link = await this.ledger.appendChainRecord(request.fundId, requestEventChainContent(fields));
    const coded = reasonCodeOf(reason);
    const eventId = await this.requests.insertEvent({
      ...fields, reasonCode: coded?.code ?? null, reasonParams: coded?.params ?? null, chainSeq: link.chainSeq, prevHash: link.prevHash, hash: link.hash,
    });
    await this.notifications.enqueue(eventId, request.id, at);
  }

  /** Committed + paid for the case in this fund in the current calendar year (Dutch time), other than `request`. */
  personYearTotal(request: Pick<RequestEntity, 'id' | 'caseId' | 'fundId'>, at: Date = this.clock.now()) {
    const year = calendarYear(at);
    return this.requests.personTotal(request.caseId, request.fundId, request.id ?? null, startOfYear(year), startOfYear(year + 1));
  }
}
