import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PricingLine } from '../cost-comparison/comparison-pricer';
import { TransactionRunner } from '../database/transaction-runner';
import type { RequestStatus, Tier } from '../requests/request.entities';

/** A request as the reports and the export read it (one row, money as decimal strings). */
export interface ReportRequestRow {
  id: string;
  fundId: string;
  fundName: string;
  title: string;
  status: RequestStatus;
  amount: string;
  paidAmount: string;
  committedAmount: string;
  lifeDomain: string;
  organisationName: string;
  payee: string;
  tier: Tier | null;
  retroactive: boolean;
  urgent: boolean;
  /** first submission (re-submissions after a question do not restart the clock) */
  submittedAt: Date;
  decidedAt: Date | null;
  decisionDue: Date | null;
  solvedWithoutMoney: boolean;
  barriers: string[];
  justification: string;
  priceYear: number;
  createdAt: Date;
  /** the person (case) the money follows: only for counting unique people, never printed */
  caseId: string;
  neighbourhood: string;
}

/** Columns of a request row; `r` = requests, `o` = the requesting organisation, `f` = the fund. */
const REQUEST_COLUMNS = `
  r.id, r.fund_id AS "fundId", f.name AS "fundName", r.title, r.status, r.amount::text AS amount,
  r.paid_amount::text AS "paidAmount", r.committed_amount::text AS "committedAmount", r.life_domain AS "lifeDomain",
  o.name AS "organisationName", r.payee, r.tier, r.retroactive, r.urgent,
  COALESCE(r.first_submitted_at, r.submitted_at) AS "submittedAt", r.decided_at AS "decidedAt",
  r.decision_due AS "decisionDue", r.solved_without_money AS "solvedWithoutMoney", r.barriers, r.justification,
  r.price_year AS "priceYear", r.created_at AS "createdAt", r.case_id AS "caseId", c.neighbourhood`;

/** A request as the trend against the previous period counts it: no texts, no joins beyond the request. */
export interface ReportTrendRow {
  id: string;
  fundId: string;
  caseId: string;
  status: RequestStatus;
  amount: string;
  paidAmount: string;
  committedAmount: string;
  tier: Tier | null;
  submittedAt: Date;
  decidedAt: Date | null;
  priceYear: number;
}

/** The period rule of the reports: submitted, or created, in [$2, $3); never-submitted requests left out. */
const IN_PERIOD = `
  r.fund_id = ANY($1::uuid[])
  AND COALESCE(r.first_submitted_at, r.submitted_at) IS NOT NULL
  AND ((COALESCE(r.first_submitted_at, r.submitted_at) >= $2 AND COALESCE(r.first_submitted_at, r.submitted_at) < $3)
       OR (r.created_at >= $2 AND r.created_at < $3))`;

/**
 * The requests of a period and their conventional-route lines, as the steering report and the
 * finance export read them. Set-based: 10,000 requests cost the same queries as ten. Uses the caller's transaction (TransactionRunner), like every report read model.
 */
@Injectable()
export class ReportRequestsReadModel {
  constructor(private readonly tx: TransactionRunner) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  /**
   * Requests of these funds that were submitted, or created, in [start, end). Never-submitted
   * requests (drafts, drafts withdrawn) are left out: nothing was asked of the fund.
   */
  requestsInPeriod(fundIds: readonly string[], start: Date, end: Date): Promise<ReportRequestRow[]> {
    return this.m.query(
      `SELECT ${REQUEST_COLUMNS}
         FROM requests r
         JOIN organisations o ON o.id = r.organisation_id
         JOIN funds f ON f.id = r.fund_id
         JOIN cases c ON c.id = r.case_id
        WHERE ${IN_PERIOD}
        ORDER BY COALESCE(r.first_submitted_at, r.submitted_at), r.id`,
      [[...fundIds], start.toISOString(), end.toISOString()],
    );
  }

  /**
   * The same requests as requestsInPeriod, with only what the trend against the previous period
   * needs (state, money, moments): one query, no texts, whatever the number of requests.
   */
  trendRequests(fundIds: readonly string[], start: Date, end: Date): Promise<ReportTrendRow[]> {
    return this.m.query(
      `SELECT r.id, r.fund_id AS "fundId", r.case_id AS "caseId", r.status, r.amount::text AS amount,
              r.paid_amount::text AS "paidAmount", r.committed_amount::text AS "committedAmount", r.tier,
              COALESCE(r.first_submitted_at, r.submitted_at) AS "submittedAt", r.decided_at AS "decidedAt", r.price_year AS "priceYear"
         FROM requests r
        WHERE ${IN_PERIOD}
        ORDER BY COALESCE(r.first_submitted_at, r.submitted_at), r.id`,
      [[...fundIds], start.toISOString(), end.toISOString()],
    );
  }

  /**
   * The stored conventional-route lines of these requests, in one query, with amounts and shares as
   * the database's decimal strings (what CostComparisonService reads; plain data a worker can take).
   */
  async costLines(requestIds: readonly string[]): Promise<Map<string, PricingLine[]>> {
    const out = new Map<string, PricingLine[]>();
    if (requestIds.length === 0) return out;
    const rows: (PricingLine & { requestId: string })[] = await this.m.query(
      `SELECT request_id AS "requestId", position, cost_item_id AS "costItemId", cost_item_key AS "costItemKey",
              quantity::text AS quantity, probability::text AS probability, note, unit_amount::text AS "unitAmount",
              unindexed, years, deadweight::text AS deadweight, attribution::text AS attribution
         FROM request_cost_lines
        WHERE request_id = ANY($1::uuid[])
        ORDER BY request_id, position`,
      [[...requestIds]],
    );
    for (const { requestId, ...line } of rows) {
      const list = out.get(requestId);
      if (list) list.push(line);
      else out.set(requestId, [line]);
    }
    return out;
  }
}
