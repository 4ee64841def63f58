import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { AccessScope, requestFullAccessSql, requestVisibilitySql, scopeParams } from '../access/visibility';
import { Dec } from '../common/money';
import { TransactionRunner } from '../database/transaction-runner';
import {
  RequestApprovalEntity, RequestCostLineEntity, RequestEntity, RequestEventEntity, RequestOutcomeEntity, RequestStatus,
} from './request.entities';

/** A request with whether the current user sees it in full (false → anonymised for the steering group). */
export interface VisibleRequest {
  entity: RequestEntity;
  full: boolean;
}

export interface RequestFilters {
  status?: RequestStatus;
  fundId?: string;
  caseId?: string;
  urgent?: boolean;
  /** only past the decision deadline and still awaiting a decision, at `now` */
  overdueAt?: Date;
}

export type RequestOrder = 'newest' | 'due';

const groupBy = <T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> => {
  const out = new Map<K, T[]>();
  for (const row of rows) out.set(key(row), [...(out.get(key(row)) ?? []), row]);
  return out;
};

@Injectable()
export class RequestsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(RequestEntity);
  }

  create(fields: Partial<RequestEntity>): RequestEntity {
    return this.repo.create(fields);
  }

  save(entity: RequestEntity): Promise<RequestEntity> {
    return this.repo.save(entity);
  }

  /**
   * Write the workflow state of a request a step holds locked, as one UPDATE. TypeORM's `save` would
   * first SELECT the row again to find what changed, under the fund lock.
   */
  async saveState(r: RequestEntity): Promise<void> {
    await this.tx.manager.query(
      `UPDATE requests SET status = $2, tier = $3, tier_reason = $4, committed_amount = $5::numeric, paid_amount = $6::numeric,
              info_question = $7, submitted_at = $8, first_submitted_at = $9, decision_due = $10, decided_at = $11, updated_at = $12,
              version = version + 1
        WHERE id = $1`,
      [
        r.id, r.status, r.tier, r.tierReason, r.committedAmount.toFixed(), r.paidAmount.toFixed(), r.infoQuestion, r.submittedAt,
        r.firstSubmittedAt, r.decisionDue, r.decidedAt, r.updatedAt,
      ],
    );
    r.version += 1;
  }

  findById(id: string): Promise<RequestEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** SELECT … FOR UPDATE: lock the fund first (LedgerService.lockFund), then the request. */
  lockById(id: string): Promise<RequestEntity | null> {
    return this.repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private visibleQuery(scope: AccessScope): SelectQueryBuilder<RequestEntity> {
    return this.repo
      .createQueryBuilder('r')
      .addSelect(requestFullAccessSql('r', scope), 'full_access')
      .where(requestVisibilitySql('r', scope))
      .setParameters(scopeParams(scope));
  }

  private static withAccess({ entities, raw }: { entities: RequestEntity[]; raw: { r_id: string; full_access: boolean }[] }): VisibleRequest[] {
    const full = new Map(raw.map((x) => [x.r_id, x.full_access === true]));
    return entities.map((entity) => ({ entity, full: full.get(entity.id) ?? false }));
  }

  async findVisible(scope: AccessScope, id: string): Promise<VisibleRequest | null> {
    const found = RequestsRepository.withAccess(await this.visibleQuery(scope).andWhere('r.id = :id', { id }).getRawAndEntities());
    return found[0] ?? null;
  }

  // ---- cost lines -----------------------------------------------------------------------------

  async costLines(requestIds: readonly string[]): Promise<Map<string, RequestCostLineEntity[]>> {
    if (requestIds.length === 0) return new Map();
    const rows = await this.tx.manager
      .getRepository(RequestCostLineEntity)
      .createQueryBuilder('l')
      .where('l.request_id = ANY(:ids)', { ids: [...requestIds] })
      .orderBy('l.position', 'ASC')
      .getMany();
    return groupBy(rows, (r) => r.requestId);
  }

  async replaceCostLines(requestId: string, lines: Omit<RequestCostLineEntity, 'id' | 'requestId'>[]): Promise<void> {
    const repo = this.tx.manager.getRepository(RequestCostLineEntity);
    await repo.delete({ requestId });
    if (lines.length) await repo.insert(lines.map((l) => ({ ...l, requestId })));
  }

  // ---- approvals ------------------------------------------------------------------------------

  async approvals(requestIds: readonly string[]): Promise<Map<string, RequestApprovalEntity[]>> {
    if (requestIds.length === 0) return new Map();
    const rows = await this.tx.manager
      .getRepository(RequestApprovalEntity)
      .createQueryBuilder('a')
      .where('a.request_id = ANY(:ids)', { ids: [...requestIds] })
      .orderBy('a.created_at', 'ASC')
      .getMany();
    return groupBy(rows, (r) => r.requestId);
  }

  async insertApproval(fields: Omit<RequestApprovalEntity, 'id'>): Promise<void> {
    await this.tx.manager.getRepository(RequestApprovalEntity).insert(fields);
  }

  /** A new round after the requester answered a question: earlier approvals no longer count (the history keeps them). */
  async deleteApprovals(requestId: string): Promise<void> {
    await this.tx.manager.getRepository(RequestApprovalEntity).delete({ requestId });
  }

  // ---- events (append-only) -------------------------------------------------------------------

  /** Returns the new event's id. */
  async insertEvent(fields: Omit<RequestEventEntity, 'id'>): Promise<string> {
    const result = await this.tx.manager.getRepository(RequestEventEntity).insert(fields);
    return (result.identifiers[0] as { id: string }).id;
  }

  async events(requestIds: readonly string[]): Promise<Map<string, RequestEventEntity[]>> {
    if (requestIds.length === 0) return new Map();
    const rows = await this.tx.manager
      .getRepository(RequestEventEntity)
      .createQueryBuilder('e')
      .where('e.request_id = ANY(:ids)', { ids: [...requestIds] })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.chain_seq', 'ASC')
      .getMany();
    return groupBy(rows, (r) => r.requestId);
  }

  // ---- outcomes -------------------------------------------------------------------------------

  async insertOutcome(fields: Omit<RequestOutcomeEntity, 'id'>): Promise<void> {
    await this.tx.manager.getRepository(RequestOutcomeEntity).insert(fields);
  }

  async outcomes(requestIds: readonly string[]): Promise<Map<string, RequestOutcomeEntity[]>> {
    if (requestIds.length === 0) return new Map();
    const rows = await this.tx.manager
      .getRepository(RequestOutcomeEntity)
      .createQueryBuilder('o')
      .where('o.request_id = ANY(:ids)', { ids: [...requestIds] })
      .orderBy('o.months', 'ASC')
      .addOrderBy('o.created_at', 'ASC')
      .getMany();
    return groupBy(rows, (r) => r.requestId);
  }

  // ---- rules ----------------------------------------------------------------------------------

  /** Committed + paid of the case's requests in the fund created in [from, to), other than `excludeId`. */
  async personTotal(caseId: string, fundId: string, excludeId: string | null, from: Date, to: Date): Promise<Dec> {
    const qb = this.repo
      .createQueryBuilder('r')
      .select('COALESCE(SUM(r.committed_amount + r.paid_amount), 0)::text', 'total')
      .where('r.case_id = :caseId AND r.fund_id = :fundId', { caseId, fundId })
      .andWhere('r.created_at >= CAST(:from AS timestamptz) AND r.created_at < CAST(:to AS timestamptz)', {
        from: from.toISOString(),
        to: to.toISOString(),
      });
    if (excludeId) qb.andWhere('r.id <> :excludeId', { excludeId });
    const row = await qb.getRawOne<{ total: string }>();
    return new Dec(row?.total ?? '0');
  }

  /** Requests that could be duplicates of requests on these cases (filtered further in duplicates.ts). */
  duplicateCandidates(caseIds: readonly string[]): Promise<RequestEntity[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    return this.repo
      .createQueryBuilder('r')
      .select(['r.id', 'r.caseId', 'r.title', 'r.payee', 'r.amount', 'r.status', 'r.createdAt'])
      .where('r.case_id = ANY(:ids)', { ids: [...new Set(caseIds)] })
      .andWhere("r.status NOT IN ('withdrawn', 'rejected')")
      // oldest first, as list items show them (request-summaries.repository.ts)
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }
}
