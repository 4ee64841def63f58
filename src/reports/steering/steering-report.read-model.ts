import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { OutcomeLine } from '../../requests/request.entities';
import { TransactionRunner } from '../../database/transaction-runner';

export interface ContributionRow {
  fundId: string;
  organisationName: string;
  organisationKind: string;
  amount: string;
}

export interface LatestOutcomeRow {
  requestId: string;
  lines: OutcomeLine[];
  solvedWithoutMoney: boolean;
  months: number;
  goalReached: 'yes' | 'partly' | 'no';
  /** every follow-up moment recorded for the request */
  recordedMonths: number[];
}

/** Net movement of one account kind on one day, summed over the selected funds. */
export interface DailyMovementRow {
  date: string;
  kind: 'available' | 'committed' | 'spent';
  amount: string;
}

/**
 * What only the steering report reads: partner contributions, the latest follow-ups and the daily
 * ledger movements behind the burn-down. Uses the caller's transaction (TransactionRunner), like every report read model.
 */
@Injectable()
export class SteeringReportReadModel {
  constructor(private readonly tx: TransactionRunner) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  /** Net contribution per partner and fund, from the contribution accounts (after reversals). */
  contributions(fundIds: readonly string[]): Promise<ContributionRow[]> {
    return this.m.query(
      `SELECT a.fund_id AS "fundId", o.name AS "organisationName", o.kind AS "organisationKind", (-a.balance)::text AS amount
         FROM ledger_accounts a JOIN organisations o ON o.id = a.organisation_id
        WHERE a.fund_id = ANY($1::uuid[]) AND a.kind = 'contribution' AND a.balance <> 0
        ORDER BY a.fund_id, o.name`,
      [[...fundIds]],
    );
  }

  /** Names of these organisations (the calibration per requesting organisation names them). */
  async organisationNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; name: string }[] = await this.m.query('SELECT id, name FROM organisations WHERE id = ANY($1::uuid[])', [[...new Set(ids)]]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The latest follow-up (longest horizon, then newest) of each of these requests. */
  latestOutcomes(requestIds: readonly string[]): Promise<LatestOutcomeRow[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return this.m.query(
      `SELECT DISTINCT ON (request_id) request_id AS "requestId", lines, solved_without_money AS "solvedWithoutMoney",
              months, goal_reached AS "goalReached", array_agg(months) OVER (PARTITION BY request_id) AS "recordedMonths"
         FROM request_outcomes
        WHERE request_id = ANY($1::uuid[])
        ORDER BY request_id, months DESC, created_at DESC`,
      [[...requestIds]],
    );
  }

  /**
   * Net movement per day and account kind over the funds' journal up to `to` (inclusive), from the
   * postings; the burn-down adds them up. Days are the entries' effective dates.
   */
  dailyMovements(fundIds: readonly string[], to: string): Promise<DailyMovementRow[]> {
    return this.m.query(
      `SELECT e.effective_date::text AS date, a.kind, SUM(p.amount)::text AS amount
         FROM journal_entries e
         JOIN journal_postings p ON p.entry_id = e.id
         JOIN ledger_accounts a ON a.id = p.account_id
        WHERE e.fund_id = ANY($1::uuid[]) AND a.kind IN ('available', 'committed', 'spent') AND e.effective_date <= $2::date
        GROUP BY e.effective_date, a.kind
        ORDER BY e.effective_date, a.kind`,
      [[...fundIds], to],
    );
  }
}
