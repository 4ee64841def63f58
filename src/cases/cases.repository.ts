import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { AccessScope, caseVisibilitySql, scopeParams } from '../access/visibility';
import { CaseEntity, CaseMemberEntity } from './case.entity';

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
}
