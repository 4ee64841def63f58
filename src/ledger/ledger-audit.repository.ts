import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from '../funds/fund.entity';
import type { ChainLink } from './ledger.types';
import { JournalEntryEntity } from './ledger.entities';

export interface EntryProblemRow {
  id: string;
  fund_id: string;
  chain_seq: string;
  postings: string;
  total: string;
  foreign_postings: string;
}

export interface AccountSumRow {
  id: string;
  fund_id: string;
  code: string;
  kind: string;
  balance: string;
  computed: string;
}

export interface ChainRow {
  table: 'journal_entries' | 'request_events' | 'chain_seals';
  id: string;
  chain_seq: string;
}

/** A workflow event as the verifier needs it: its chained fields, its format, its erasure and its seal. */
export interface AuditEventRow extends ChainLink {
  id: string;
  requestId: string;
  fundId: string;
  actorId: string;
  actorRole: string;
  fromStatus: string | null;
  toStatus: string;
  createdAt: Date;
  reason: string;
  chainFormat: number;
  reasonSalt: string | null;
  reasonDigest: string | null;
  reasonErasedAt: Date | null;
  /** the seal of this event in the same fund's chain (format 1, reason erased), if any */
  sealEventHash: string | null;
  sealedDigest: string | null;
  /** for an erased reason: whether the event's case has a retention erasure recorded (retention_erasures); false otherwise */
  erasureRecorded: boolean;
}

export interface AuditSealRow extends ChainLink {
  id: string;
  fundId: string;
  eventId: string;
  eventHash: string;
  sealedDigest: string;
  createdAt: Date;
}

/** The read-only queries of the ledger verifier. */
@Injectable()
export class LedgerAuditRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  /** One consistent snapshot for the whole verification (only when this is the transaction's start). */
  async useSnapshot(): Promise<void> {
    await this.m.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  }

  async countEntries(): Promise<number> {
    const [row]: { n: string }[] = await this.m.query('SELECT COUNT(*) AS n FROM journal_entries');
    return Number.parseInt(row.n, 10);
  }

  /** Entries with fewer than two postings, postings that do not sum to zero, or postings on another fund's accounts. */
  unbalancedEntries(limit: number): Promise<EntryProblemRow[]> {
    return this.m.query(
      `SELECT e.id, e.fund_id, e.chain_seq, COUNT(p.id) AS postings, COALESCE(SUM(p.amount), 0) AS total,
              COUNT(p.id) FILTER (WHERE a.fund_id IS DISTINCT FROM e.fund_id) AS foreign_postings
         FROM journal_entries e
         LEFT JOIN journal_postings p ON p.entry_id = e.id
         LEFT JOIN ledger_accounts a ON a.id = p.account_id
        GROUP BY e.id
       HAVING COUNT(p.id) < 2 OR COALESCE(SUM(p.amount), 0) <> 0
           OR COUNT(p.id) FILTER (WHERE a.fund_id IS DISTINCT FROM e.fund_id) > 0
        ORDER BY e.fund_id, e.chain_seq
        LIMIT $1`,
      [limit],
    );
  }

  /** Postings whose entry does not exist (they would move balances without a journal entry). */
  orphanPostings(limit: number): Promise<{ id: string; entry_id: string }[]> {
    return this.m.query(
      `SELECT p.id, p.entry_id FROM journal_postings p
        WHERE NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = p.entry_id)
        ORDER BY p.id LIMIT $1`,
      [limit],
    );
  }

  /** Every account with its stored balance and the sum of its postings. */
  accountSums(): Promise<AccountSumRow[]> {
    return this.m.query(
      `SELECT a.id, a.fund_id, a.code, a.kind, a.balance, COALESCE(SUM(p.amount), 0) AS computed
         FROM ledger_accounts a
         LEFT JOIN journal_postings p ON p.account_id = a.id
        GROUP BY a.id
        ORDER BY a.fund_id, a.code`,
    );
  }

  funds(): Promise<FundEntity[]> {
    return this.m.find(FundEntity, { order: { name: 'ASC' } });
  }

  /** The next records of a fund's chain (journal entries, workflow events and seals) after `afterSeq`. */
  chainPage(fundId: string, afterSeq: string, limit: number): Promise<ChainRow[]> {
    return this.m.query(
      `SELECT 'journal_entries' AS "table", id, chain_seq FROM journal_entries WHERE fund_id = $1 AND chain_seq > $2
       UNION ALL
       SELECT 'request_events' AS "table", id, chain_seq FROM request_events WHERE fund_id = $1 AND chain_seq > $2
       UNION ALL
       SELECT 'chain_seals' AS "table", id, chain_seq FROM chain_seals WHERE fund_id = $1 AND chain_seq > $2
        ORDER BY chain_seq, "table", id
        LIMIT $3`,
      [fundId, afterSeq, limit],
    );
  }

  entries(ids: string[]): Promise<JournalEntryEntity[]> {
    return ids.length ? this.m.find(JournalEntryEntity, { where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /**
   * Workflow events as the chain holds them. The ledger defines what a chained event is
   * (hash-chain.ts); the requests feature owns the table and writes it, retention erases reasons.
   */
  events(ids: string[]): Promise<AuditEventRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m.query(
      `SELECT e.id, e.request_id AS "requestId", e.fund_id AS "fundId", e.actor_id AS "actorId", e.actor_role AS "actorRole",
              e.from_status AS "fromStatus", e.to_status AS "toStatus", e.reason, e.created_at AS "createdAt",
              e.chain_seq::text AS "chainSeq", e.prev_hash AS "prevHash", e.hash,
              e.chain_format AS "chainFormat", e.reason_salt AS "reasonSalt", e.reason_digest AS "reasonDigest", e.reason_erased_at AS "reasonErasedAt",
              s.event_hash AS "sealEventHash", s.sealed_digest AS "sealedDigest",
              CASE WHEN e.reason_erased_at IS NULL THEN false
                   ELSE EXISTS (SELECT 1 FROM requests r JOIN retention_erasures x ON x.case_id = r.case_id WHERE r.id = e.request_id) END AS "erasureRecorded"
         FROM request_events e
         LEFT JOIN chain_seals s ON s.event_id = e.id AND s.fund_id = e.fund_id
        WHERE e.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  seals(ids: string[]): Promise<AuditSealRow[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.m.query(
      `SELECT id, fund_id AS "fundId", event_id AS "eventId", event_hash AS "eventHash", sealed_digest AS "sealedDigest",
              created_at AS "createdAt", chain_seq::text AS "chainSeq", prev_hash AS "prevHash", hash
         FROM chain_seals WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
