import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AccessService, RequestAccess, RequestPurpose } from '../access/access.service';
import { AuthUser } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { DomainError } from '../common/domain-error';
import { calendarYear, startOfYear } from '../common/dutch-time';
import { TransactionRunner } from '../database/transaction-runner';
import { chainedReason, REQUEST_EVENT_FORMAT, requestEventChainContent } from '../ledger/hash-chain';
import { LedgerService } from '../ledger/ledger.service';
import type { FundEntity } from '../funds/fund.entity';
import { OpenFund } from '../ledger/open-fund';
import { RequestEntity, RequestEventEntity, RequestStatus } from './request.entities';
import { RequestStepRepository, StepView } from './request-step.repository';
import { RequestErrors } from './request.errors';
import { AccessBatcher, DecisionGroups, GroupFailedBeforeCommit, GroupJob, GroupOutcome } from './decision-groups';
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
 * A decision step (see RequestWorkflow.decide): the fund's writes are deferred into `fund.batch`,
 * `view` holds what the step read with the request, and `now` is the step's time.
 */
export interface DecisionStep extends WorkflowStep {
  view: StepView;
  now: Date;
}

/** What a decision step leaves for its answer: the view as the step left it, the fund and the access. */
export interface DecisionDone<T> {
  result: T;
  view: StepView;
  fund: FundEntity;
  access: RequestAccess;
}

/**
 * What every workflow step shares: check access, lock the fund once (then the request, always in
 * that order, so two steps cannot deadlock), and write the step's audit events into the fund's hash
 * chain in the same transaction. The chain head is written once per step, when it ends.
 */
@Injectable()
export class RequestWorkflow {
  /** the access checks of grouped steps, one query per user and turn of the event loop */
  private readonly accessChecks: AccessBatcher;
  /** the waiting decision steps per fund (group commit) */
  private readonly groups: DecisionGroups<DecisionStep, DecisionDone<unknown>>;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly access: AccessService,
    private readonly requests: RequestsRepository,
    private readonly ledger: LedgerService,
    private readonly clock: Clock,
    private readonly listener: RequestStepListener,
    private readonly steps: RequestStepRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.accessChecks = new AccessBatcher(access);
    this.groups = new DecisionGroups((fundId, jobs) => this.decideAll(fundId, jobs));
  }

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
   * A decision step in the fewest round trips: check access, lock the fund, then lock the request
   * and read everything the step and its answer need in one statement (RequestStepRepository), let
   * `work` decide in memory, and write all its rows — approval, entries, balances, events, outbox,
   * request state and chain head — in one statement at the end. Under the fund lock that is two
   * statements and the COMMIT. `work` must only read through `view` and write through the step's
   * batch (`fund.batch`, `record`, RequestStepRepository).
   */
  decide<T>(user: AuthUser, id: string, purpose: RequestPurpose, verb: string, work: (step: DecisionStep) => Promise<T>): Promise<DecisionDone<T>> {
    return this.tx.run(async () => {
      const access = await this.access.requireRequest(user, id, purpose, verb);
      return this.ledger.withFund(
        access.fundId,
        async (fund) => {
          const now = this.clock.now();
          const year = calendarYear(now);
          const view = await this.steps.lockWithView(id, fund.id, startOfYear(year), startOfYear(year + 1), user.id);
          if (!view) throw DomainError.notFound('request', id);
          fund.useAccounts(view.accounts);
          const result = await work({ fund, request: view.request, access, view, now });
          return { result, view, fund: fund.fund, access };
        },
        { deferWrites: true },
      );
    });
  }

  /**
   * `decide` with group commit (DecisionGroups): outside a caller's transaction, and unless
   * GROUP_COMMIT=false, the step checks access on its own and then waits for its fund's next group
   * transaction, which runs every waiting step of the fund under one lock and writes them with one
   * statement and one COMMIT. Each step still gets its own answer or error, exactly as alone: a
   * step that fails is undone in memory (OpenFund.mark) before the next one runs. Inside a caller's
   * transaction (an Idempotency-Key) the step must commit with the caller's writes, so it runs alone.
   */
  async decideGrouped<T>(user: AuthUser, id: string, purpose: RequestPurpose, verb: string, work: (step: DecisionStep) => Promise<T>): Promise<DecisionDone<T>> {
    if (!this.config.groupCommit || this.tx.inTransaction) return this.decide(user, id, purpose, verb, work);
    const access = await this.accessChecks.require(user, id, purpose, verb);
    const done = await this.groups.submit(access.fundId, { user, id, access, work, alone: () => this.decide(user, id, purpose, verb, work) });
    return done as DecisionDone<T>;
  }

  /**
   * One group transaction (what DecisionGroups runs): the steps of `jobs`, all on requests of fund
   * `fundId`, in order under one fund lock, each undone in memory when it fails; the outcome of
   * each, in order. Throws GroupFailedBeforeCommit when the transaction failed before COMMIT.
   */
  async decideAll(fundId: string, jobs: Pick<GroupJob<DecisionStep, DecisionDone<unknown>>, 'user' | 'id' | 'access' | 'work'>[]): Promise<GroupOutcome<DecisionDone<unknown>>[]> {
    if (this.tx.inTransaction) throw new Error('a group of decision steps runs in a transaction of its own, not inside a caller’s');
    const outcomes: GroupOutcome<DecisionDone<unknown>>[] = [];
    let committing = false;
    try {
      await this.tx.run(async () => {
        await this.ledger.withFund(fundId, (fund) => this.runSteps(fund, jobs, outcomes), { deferWrites: true });
        committing = true;
      });
    } catch (e) {
      if (!committing) throw new GroupFailedBeforeCommit(e);
      throw e;
    }
    return outcomes;
  }

  private async runSteps(fund: OpenFund, jobs: Pick<GroupJob<DecisionStep, DecisionDone<unknown>>, 'user' | 'id' | 'access' | 'work'>[], outcomes: GroupOutcome<DecisionDone<unknown>>[]): Promise<void> {
    const start = this.clock.now();
    const year = calendarYear(start);
    const [from, to] = [startOfYear(year), startOfYear(year + 1)];
    const views = await this.steps.lockWithViews(jobs.map((j) => j.id), fund.id, from, to, jobs.map((j) => j.user.id));
    const first = views.values().next().value;
    if (first) fund.useAccounts(first.accounts);
    // the person's yearly total as read, and what each request held then: steps before this one in
    // the group may have moved money of the same person (the group holds the fund lock, so nobody else did)
    const held = (r: RequestEntity) => r.committedAmount.plus(r.paidAmount);
    const read = new Map([...views.values()].map((v) => [v.request.id, { total: v.personYearTotal, held: held(v.request) }]));
    let last = 0;
    for (const job of jobs) {
      const view = views.get(job.id);
      if (!view) {
        outcomes.push({ error: DomainError.notFound('request', job.id) });
        continue;
      }
      // every step its own instant, in order: the answers list approvals by time as GET does
      const ms = Math.max(this.clock.now().getTime(), last + 1);
      last = ms;
      const now = new Date(ms);
      if (calendarYear(now) !== year) {
        outcomes.push({ alone: true }); // the year turned during the group: its person totals are of the old year
        continue;
      }
      let total = read.get(view.request.id)!.total;
      for (const other of views.values()) {
        const r = other.request;
        if (r.id === view.request.id || r.caseId !== view.request.caseId || r.createdAt < from || r.createdAt >= to) continue;
        total = total.plus(held(r)).minus(read.get(r.id)!.held);
      }
      view.personYearTotal = total;
      const mark = fund.mark();
      const request = { ...view.request };
      const [approvals, events] = [view.approvals.length, view.events.length];
      try {
        const result = await job.work({ fund, request: view.request, access: job.access, view, now });
        outcomes.push({ done: { result, view: snapshotView(view, views), fund: fund.fund, access: job.access } });
      } catch (error) {
        fund.restore(mark);
        Object.assign(view.request, request);
        view.approvals.length = approvals;
        view.events.length = events;
        outcomes.push({ error });
      }
    }
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
  ): Promise<RequestEventEntity> {
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
    const event: Omit<RequestEventEntity, 'id'> = {
      ...fields, reason, reasonSalt: chained.reasonSalt, chainFormat: REQUEST_EVENT_FORMAT, reasonErasedAt: null,
      reasonCode: coded?.code ?? null, reasonParams: coded?.params ?? null, chainSeq: link.chainSeq, prevHash: link.prevHash, hash: link.hash,
    };
    const batch = fund.batch;
    if (batch) {
      const written = { id: randomUUID(), ...event };
      this.steps.insertEvent(batch, written);
      await this.listener.stepRecorded(written.id, request.id, at, batch);
      return written;
    }
    const id = await this.requests.insertEvent(event);
    await this.listener.stepRecorded(id, request.id, at);
    return { id, ...event };
  }

  /** Committed + paid for the case in this fund in the current calendar year (Dutch time), other than `request`. */
  personYearTotal(request: Pick<RequestEntity, 'id' | 'caseId' | 'fundId'>, at: Date = this.clock.now()) {
    const year = calendarYear(at);
    return this.requests.personTotal(request.caseId, request.fundId, request.id ?? null, startOfYear(year), startOfYear(year + 1));
  }
}

/**
 * The view as one step of a group left it, for that step's answer: later steps of the group go on
 * changing the shared objects. Candidates that are requests of the group show their state now.
 */
function snapshotView(view: StepView, group: Map<string, StepView>): StepView {
  const copy = (r: RequestEntity): RequestEntity => Object.assign(Object.create(Object.getPrototypeOf(r) as object) as RequestEntity, r);
  return {
    ...view,
    request: copy(view.request),
    approvals: [...view.approvals],
    events: [...view.events],
    candidates: view.candidates.map((c) => {
      const live = group.get(c.id)?.request;
      return live ? Object.assign(copy(c), { title: live.title, payee: live.payee, amount: live.amount, status: live.status, createdAt: live.createdAt }) : c;
    }),
  };
}
