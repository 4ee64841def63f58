import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { FundHolderEntity } from '../funds/fund.entity';
import { RequestCostLineEntity, RequestEntity } from '../requests/request.entities';

export interface SummaryFilter {
  fundIds: string[] | null;
  caseId: string | null;
  from: string | null;
  to: string | null;
}

/** Funded requests (approved, paid, evaluated) and their conventional-route lines, in two queries. */
@Injectable()
export class ComparisonSummaryRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async fundedRequests(f: SummaryFilter): Promise<{ requests: RequestEntity[]; lines: Map<string, RequestCostLineEntity[]> }> {
    const q = this.tx.manager
      .getRepository(RequestEntity)
      .createQueryBuilder('r')
      .where('r.status IN (:...statuses)', { statuses: ['approved', 'paid', 'evaluated'] });
    if (f.fundIds) q.andWhere('r.fund_id = ANY(:fundIds)', { fundIds: f.fundIds });
    if (f.caseId) q.andWhere('r.case_id = :caseId', { caseId: f.caseId });
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

  async heldFundIds(userId: string): Promise<string[]> {
    return (await this.tx.manager.getRepository(FundHolderEntity).findBy({ userId })).map((h) => h.fundId);
  }
}
