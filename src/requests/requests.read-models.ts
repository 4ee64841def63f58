import { Global, Injectable, Module } from '@nestjs/common';
import { In } from 'typeorm';
import { CaseFundTotals, CaseRequestRow, CaseRequestsReader, CaseTotals } from '../cases/case-requests.reader';
import { ComparisonSummaryRepository, FundedOutcome, FundedRequest, SummaryFilter } from '../cost-comparison/comparison-summary.repository';
import type { StoredCostLine } from '../cost-comparison/cost-comparison.service';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from '../funds/fund.entity';
import { RequestCostLineEntity, RequestEntity, RequestOutcomeEntity } from './request.entities';

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

/** The requests feature's answer to ComparisonSummaryRepository: funded requests and their lines, in two queries. */
@Injectable()
export class FundedRequestsReadModel extends ComparisonSummaryRepository {
  constructor(private readonly tx: TransactionRunner) {
    super();
  }

  async fundedRequests(f: SummaryFilter): Promise<{ requests: FundedRequest[]; lines: Map<string, StoredCostLine[]> }> {
    const q = this.tx.manager
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('r.status IN (:...statuses)', { statuses: ['approved', 'paid', 'evaluated'] });
    if (f.fundIds) q.andWhere('r.fund_id = ANY(:fundIds)', { fundIds: f.fundIds });
    if (f.caseId) q.andWhere('r.case_id = :caseId', { caseId: f.caseId });
    if (f.followedUpOnly) q.andWhere('EXISTS (SELECT 1 FROM request_outcomes o WHERE o.request_id = r.id)');
    // a request belongs to the period in which it was (first) submitted
    if (f.from) q.andWhere('COALESCE(r.first_submitted_at, r.created_at) >= :from::date', { from: f.from });
    if (f.to) q.andWhere("COALESCE(r.first_submitted_at, r.created_at) < (:to::date + interval '1 day')", { to: f.to });
    const requests = await q.orderBy('r.created_at', 'ASC').getMany();
    const lines = new Map<string, RequestCostLineEntity[]>();
    if (requests.length) {
      const rows = await this.tx.manager.getRepository(RequestCostLineEntity).find({
        where: { requestId: In(requests.map((r) => r.id)) },
        order: { position: 'ASC' },
      });
      for (const l of rows) lines.set(l.requestId, [...(lines.get(l.requestId) ?? []), l]);
    }
    return { requests, lines };
  }

  async outcomes(requestIds: readonly string[]): Promise<FundedOutcome[]> {
    if (requestIds.length === 0) return [];
    return this.tx.manager.getRepository(RequestOutcomeEntity).find({
      select: { requestId: true, months: true, goalReached: true, lines: true },
      where: { requestId: In([...requestIds]) },
      order: { months: 'ASC' },
    });
  }
}

/**
 * What other features read of requests without importing the requests module (cases, the cost
 * comparison summary). Global, so that they get their readers from here.
 */
@Global()
@Module({
  providers: [
    { provide: CaseRequestsReader, useClass: CaseRequestsReadModel },
    { provide: ComparisonSummaryRepository, useClass: FundedRequestsReadModel },
  ],
  exports: [CaseRequestsReader, ComparisonSummaryRepository],
})
export class RequestsReadModule {}
