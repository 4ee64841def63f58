import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../../database/transaction-runner';

export interface PostingExportRow {
  entryId: string;
  chainSeq: string;
  effectiveDate: string;
  recordedAt: Date;
  kind: string;
  fundId: string;
  fundName: string;
  account: string;
  organisationName: string | null;
  amount: string;
  requestId: string | null;
  memo: string;
  hash: string;
}

/** The journal postings of the finance export. Uses the caller's transaction (TransactionRunner), like every report read model. */
@Injectable()
export class ExportsReadModel {
  constructor(private readonly tx: TransactionRunner) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  /** Every posting of these funds' journal entries with an effective date in [from, to]. */
  postings(fundIds: readonly string[], from: string, to: string): Promise<PostingExportRow[]> {
    return this.m.query(
      `SELECT e.id AS "entryId", e.chain_seq::text AS "chainSeq", e.effective_date::text AS "effectiveDate",
              e.recorded_at AS "recordedAt", e.kind, e.fund_id AS "fundId", f.name AS "fundName", a.kind AS account,
              COALESCE(ao.name, ro.name) AS "organisationName", p.amount::text AS amount, e.request_id AS "requestId",
              e.memo, e.hash
         FROM journal_entries e
         JOIN journal_postings p ON p.entry_id = e.id
         JOIN ledger_accounts a ON a.id = p.account_id
         JOIN funds f ON f.id = e.fund_id
         LEFT JOIN organisations ao ON ao.id = a.organisation_id
         LEFT JOIN requests r ON r.id = e.request_id
         LEFT JOIN organisations ro ON ro.id = r.organisation_id
        WHERE e.fund_id = ANY($1::uuid[]) AND e.effective_date >= $2::date AND e.effective_date <= $3::date
        ORDER BY f.name, e.chain_seq, a.kind, p.amount`,
      [[...fundIds], from, to],
    );
  }
}
