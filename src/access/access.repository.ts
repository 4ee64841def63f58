import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { AccessScope, caseVisibilitySql, requestFullAccessSql, requestVisibilitySql, scopeParams } from './visibility';

/** The facts an access decision on one request needs, read in one query. */
export interface RequestFacts {
  id: string;
  fundId: string;
  fundName: string;
  caseId: string;
  requesterId: string;
  tier: string | null;
  /** seen in full (case, payee) rather than anonymised */
  full: boolean;
  /** the user is one of the fund's budget holders (fund_holders) */
  fundHolder: boolean;
  approvals: number;
}

export interface CaseFacts {
  id: string;
  code: string;
  status: string;
  leadProfessionalId: string;
}

/**
 * The queries behind access decisions. They read the tables of cases, requests and funds by name
 * (as the visibility rules in visibility.ts do) so that access sits below the features it guards:
 * requests and cases ask it, it asks none of them.
 */
@Injectable()
export class AccessRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async requestFacts(scope: AccessScope, id: string): Promise<RequestFacts | null> {
    return (await this.requestFactsMany(scope, [id])).get(id) ?? null;
  }

  /** `requestFacts` of several requests in one query; those out of sight are missing from the map. */
  async requestFactsMany(scope: AccessScope, ids: readonly string[]): Promise<Map<string, RequestFacts>> {
    const rows = await this.tx.manager
      .createQueryBuilder()
      .select([
        'r.id AS id', 'r.fund_id AS "fundId"', 'f.name AS "fundName"', 'r.case_id AS "caseId"', 'r.requester_id AS "requesterId"', 'r.tier AS tier',
        `${requestFullAccessSql('r', scope)} AS "full"`,
        'EXISTS (SELECT 1 FROM fund_holders h WHERE h.fund_id = r.fund_id AND h.user_id = :scopeUserId) AS "fundHolder"',
        '(SELECT count(*) FROM request_approvals a WHERE a.request_id = r.id)::int AS approvals',
      ])
      .from('requests', 'r')
      .innerJoin('funds', 'f', 'f.id = r.fund_id')
      .where('r.id = ANY(:ids)', { ids: [...new Set(ids)] })
      .andWhere(requestVisibilitySql('r', scope))
      .setParameters(scopeParams(scope))
      .getRawMany<RequestFacts>();
    return new Map(rows.map((row) => [row.id, { ...row, full: row.full === true, fundHolder: row.fundHolder === true }]));
  }

  async caseFacts(scope: AccessScope, id: string): Promise<CaseFacts | null> {
    const row = await this.tx.manager
      .createQueryBuilder()
      .select(['c.id AS id', 'c.code AS code', 'c.status AS status', 'c.lead_professional_id AS "leadProfessionalId"'])
      .from('cases', 'c')
      .where('c.id = :id', { id })
      .andWhere(caseVisibilitySql('c', scope))
      .setParameters(scopeParams(scope))
      .getRawOne<CaseFacts>();
    return row ?? null;
  }

  async isFundHolder(fundId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query('SELECT 1 FROM fund_holders WHERE fund_id = $1 AND user_id = $2', [fundId, userId]);
    return rows.length > 0;
  }

  async heldFundIds(userId: string): Promise<string[]> {
    const rows: { fund_id: string }[] = await this.tx.manager.query('SELECT fund_id FROM fund_holders WHERE user_id = $1 ORDER BY fund_id', [userId]);
    return rows.map((r) => r.fund_id);
  }
}
