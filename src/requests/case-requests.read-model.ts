import { Global, Injectable, Module } from '@nestjs/common';
import { CaseFundTotals, CaseRequestRow, CaseRequestsReader, CaseTotals } from '../cases/case-requests.reader';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from '../funds/fund.entity';
import { RequestEntity } from './request.entities';

/** The requests feature's answer to CaseRequestsReader: money and requests per case. */
@Injectable()
export class CaseRequestsReadModel extends CaseRequestsReader {
  constructor(private readonly tx: TransactionRunner) {
    super();
  }

  private get repo() {
    return this.tx.manager.getRepository(RequestEntity);
  }

  async totalsByCase(caseIds: readonly string[]): Promise<Map<string, CaseTotals>> {
    if (caseIds.length === 0) return new Map();
    const rows = await this.repo
      .createQueryBuilder('r')
      .select(['r.case_id AS "caseId"', 'SUM(r.committed_amount)::text AS committed', 'SUM(r.paid_amount)::text AS paid'])
      .where('r.case_id = ANY(:ids)', { ids: [...caseIds] })
      .groupBy('r.case_id')
      .getRawMany<CaseTotals>();
    return new Map(rows.map((r) => [r.caseId, r]));
  }

  totalsByFund(caseId: string): Promise<CaseFundTotals[]> {
    return this.repo
      .createQueryBuilder('r')
      .innerJoin(FundEntity, 'f', 'f.id = r.fund_id')
      .select([
        'r.case_id AS "caseId"', 'r.fund_id AS "fundId"', 'f.name AS "fundName"',
        'SUM(r.committed_amount)::text AS committed', 'SUM(r.paid_amount)::text AS paid',
      ])
      .where('r.case_id = :caseId', { caseId })
      .groupBy('r.case_id, r.fund_id, f.name')
      .orderBy('f.name', 'ASC')
      .getRawMany<CaseFundTotals>();
  }

  async requestsOfCase(caseId: string): Promise<CaseRequestRow[]> {
    const { entities, raw } = await this.repo
      .createQueryBuilder('r')
      .innerJoin(FundEntity, 'f', 'f.id = r.fund_id')
      .addSelect('f.name', 'fund_name')
      .where('r.case_id = :caseId', { caseId })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getRawAndEntities();
    const names = new Map((raw as { r_id: string; fund_name: string }[]).map((x) => [x.r_id, x.fund_name]));
    return entities.map((e) => Object.assign(e, { fundName: names.get(e.id) ?? '' }));
  }
}

/** Global, so that the cases feature gets its reader without importing the requests module. */
@Global()
@Module({ providers: [{ provide: CaseRequestsReader, useClass: CaseRequestsReadModel }], exports: [CaseRequestsReader] })
export class RequestsReadModule {}
