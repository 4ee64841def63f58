import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from '../funds/fund.entity';
import { RequestEntity } from '../requests/request.entities';
import { UserEntity } from '../users/user.entity';
import { AccessScope, caseVisibilitySql, scopeParams } from '../access/visibility';
import { CaseEntity, CaseMemberEntity } from './case.entity';

export interface CaseTotalsRow {
  caseId: string;
  committed: string;
  paid: string;
}

export interface CaseFundTotalsRow extends CaseTotalsRow {
  fundId: string;
  fundName: string;
}

export interface PersonRow {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
}

@Injectable()
export class CasesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get repo() {
    return this.tx.manager.getRepository(CaseEntity);
  }

  create(fields: Partial<CaseEntity>): CaseEntity {
    return this.repo.create(fields);
  }

  save(entity: CaseEntity): Promise<CaseEntity> {
    return this.repo.save(entity);
  }

  findById(id: string): Promise<CaseEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<CaseEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.repo.createQueryBuilder('c').where('c.id = ANY(:ids)', { ids: [...new Set(ids)] }).getMany();
  }

  lockById(id: string): Promise<CaseEntity | null> {
    return this.repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async codeExists(code: string): Promise<boolean> {
    return (await this.repo.countBy({ code })) > 0;
  }

  /** The case if it exists and is in sight for `scope`. */
  findVisible(scope: AccessScope, id: string): Promise<CaseEntity | null> {
    return this.repo
      .createQueryBuilder('c')
      .where('c.id = :id', { id })
      .andWhere(caseVisibilitySql('c', scope), scopeParams(scope))
      .getOne();
  }

  /** One page of cases in sight, newest first (created_at desc, id desc). */
  page(scope: AccessScope, opts: { status?: string; limit: number; after?: { createdAt: string; id: string } }): Promise<CaseEntity[]> {
    const qb = this.repo.createQueryBuilder('c').where(caseVisibilitySql('c', scope), scopeParams(scope));
    if (opts.status) qb.andWhere('c.status = :status', { status: opts.status });
    if (opts.after) qb.andWhere('(c.created_at, c.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', { afterAt: opts.after.createdAt, afterId: opts.after.id });
    return qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC').take(opts.limit).getMany();
  }

  addMember(caseId: string, userId: string): Promise<unknown> {
    return this.tx.manager.createQueryBuilder().insert().into(CaseMemberEntity).values({ caseId, userId }).orIgnore().execute();
  }

  async memberIds(caseIds: readonly string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (caseIds.length === 0) return out;
    const rows = await this.tx.manager
      .getRepository(CaseMemberEntity)
      .createQueryBuilder('m')
      .where('m.case_id = ANY(:ids)', { ids: [...caseIds] })
      .getMany();
    for (const r of rows) out.set(r.caseId, [...(out.get(r.caseId) ?? []), r.userId]);
    return out;
  }

  /** Names and organisations of users, for display. */
  async people(ids: readonly string[]): Promise<Map<string, PersonRow>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.tx.manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoin('u.organisation', 'o')
      .select(['u.id AS id', 'u.display_name AS name', 'u.organisation_id AS "organisationId"', 'o.name AS "organisationName"'])
      .where('u.id = ANY(:ids)', { ids: unique })
      .getRawMany<PersonRow>();
    return new Map(rows.map((r) => [r.id, r]));
  }

  async activeUser(id: string): Promise<UserEntity | null> {
    return this.tx.manager.getRepository(UserEntity).findOneBy({ id, active: true });
  }

  async organisationNames(ids: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.tx.manager.query('SELECT id, name FROM organisations WHERE id = ANY($1)', [unique]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Committed (reserved, unpaid) and paid per case, over all funds. */
  async totalsByCase(caseIds: readonly string[]): Promise<Map<string, CaseTotalsRow>> {
    if (caseIds.length === 0) return new Map();
    const rows = await this.tx.manager
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .select(['r.case_id AS "caseId"', 'SUM(r.committed_amount)::text AS committed', 'SUM(r.paid_amount)::text AS paid'])
      .where('r.case_id = ANY(:ids)', { ids: [...caseIds] })
      .groupBy('r.case_id')
      .getRawMany<CaseTotalsRow>();
    return new Map(rows.map((r) => [r.caseId, r]));
  }

  totalsByFund(caseId: string): Promise<CaseFundTotalsRow[]> {
    return this.tx.manager
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .innerJoin(FundEntity, 'f', 'f.id = r.fund_id')
      .select([
        'r.case_id AS "caseId"', 'r.fund_id AS "fundId"', 'f.name AS "fundName"',
        'SUM(r.committed_amount)::text AS committed', 'SUM(r.paid_amount)::text AS paid',
      ])
      .where('r.case_id = :caseId', { caseId })
      .groupBy('r.case_id, r.fund_id, f.name')
      .orderBy('f.name', 'ASC')
      .getRawMany<CaseFundTotalsRow>();
  }

  requestsOfCase(caseId: string): Promise<(RequestEntity & { fundName: string })[]> {
    return this.tx.manager
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .innerJoin(FundEntity, 'f', 'f.id = r.fund_id')
      .addSelect('f.name', 'fund_name')
      .where('r.case_id = :caseId', { caseId })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getRawAndEntities()
      .then(({ entities, raw }) => {
        const names = new Map((raw as { r_id: string; fund_name: string }[]).map((x) => [x.r_id, x.fund_name]));
        return entities.map((e) => Object.assign(e, { fundName: names.get(e.id) ?? '' }));
      });
  }
}
