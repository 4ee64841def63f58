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

  /** One page in sight of `scope`; `after` is the sort key of the previous page's last item. */
  async page(
    scope: AccessScope,
    filters: RequestFilters,
    order: RequestOrder,
    limit: number,
    after: { key: string | null; id: string } | null,
  ): Promise<VisibleRequest[]> {
    const qb = this.visibleQuery(scope);
    if (filters.status) qb.andWhere('r.status = :status', { status: filters.status });
    if (filters.fundId) qb.andWhere('r.fund_id = :fundId', { fundId: filters.fundId });
    if (filters.caseId) qb.andWhere('r.case_id = :caseId', { caseId: filters.caseId });
    if (filters.urgent !== undefined) qb.andWhere('r.urgent = :urgent', { urgent: filters.urgent });
    if (filters.overdueAt) {
      qb.andWhere("r.status = 'submitted' AND r.decision_due < CAST(:overdueAt AS timestamptz)", { overdueAt: filters.overdueAt.toISOString() });
    }
    if (order === 'newest') {
      if (after) qb.andWhere('(r.created_at, r.id) < (CAST(:afterKey AS timestamptz), CAST(:afterId AS uuid))', { afterKey: after.key, afterId: after.id });
      qb.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC');
    } else {
      // earliest deadline first; requests without a deadline (drafts, decided) come last
      if (after && after.key !== null) {
        qb.andWhere(
          '(r.decision_due > CAST(:afterKey AS timestamptz) OR (r.decision_due = CAST(:afterKey AS timestamptz) AND r.id > CAST(:afterId AS uuid)) OR r.decision_due IS NULL)',
          { afterKey: after.key, afterId: after.id },
        );
      } else if (after) {
        qb.andWhere('r.decision_due IS NULL AND r.id > CAST(:afterId AS uuid)', { afterId: after.id });
      }
      qb.orderBy('r.decision_due', 'ASC', 'NULLS LAST').addOrderBy('r.id', 'ASC');
    }
    return RequestsRepository.withAccess(await qb.limit(limit).getRawAndEntities());
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
      .getMany();
  }
}
