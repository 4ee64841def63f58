import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessScope, requestFullAccessSql, requestVisibilitySql, scopeParams } from '../access/visibility';
import { Dec } from '../common/money';
import type { Confidence } from '../cost-comparison/comparison.types';
import type { StoredCostLine } from '../cost-comparison/cost-comparison.service';
import { TransactionRunner } from '../database/transaction-runner';
import { FundEntity } from '../funds/fund.entity';
import type { OutcomeLine, RequestStatus, Tier } from '../requests/request.entities';

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
}

export interface ContributionRow {
  fundId: string;
  organisationName: string;
  organisationKind: string;
  amount: string;
}

export interface CatalogueVersionRow {
  id: string;
  key: string;
  version: number;
  labelNl: string;
  labelEn: string;
  amount: string;
  priceYear: number | null;
  source: string;
  url: string | null;
  confidence: Confidence;
}

export interface LatestOutcomeRow {
  requestId: string;
  lines: OutcomeLine[];
  solvedWithoutMoney: boolean;
}

/** Net movement of one account kind on one day, summed over the selected funds. */
export interface DailyMovementRow {
  date: string;
  kind: 'available' | 'committed' | 'spent';
  amount: string;
}

export interface JustificationRow {
  id: string;
  fundId: string;
  fundName: string;
  title: string;
  justification: string;
  amount: string;
  paidAmount: string;
  committedAmount: string;
  payee: string;
  lifeDomain: string;
  urgent: boolean;
  barriers: string[];
  existingProvisions: { provision: string; reason: string; note?: string }[];
  residentWish: string;
  status: RequestStatus;
  tier: Tier | null;
  priceYear: number;
  caseCode: string;
  neighbourhood: string;
  requesterName: string;
  organisationName: string;
  submittedAt: Date | null;
  decisionDue: Date | null;
  createdAt: Date;
}

export interface EventRow {
  at: Date;
  actorName: string;
  actorRole: string;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  reason: string;
}

export interface ApprovalRow {
  at: Date;
  approverName: string;
  organisationName: string;
  comment: string;
}

export interface PaymentRow {
  at: Date;
  amount: string;
  reference: string;
}

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

/** Columns of a request row; `r` = requests, `o` = the requesting organisation, `f` = the fund. */
const REQUEST_COLUMNS = `
  r.id, r.fund_id AS "fundId", f.name AS "fundName", r.title, r.status, r.amount::text AS amount,
  r.paid_amount::text AS "paidAmount", r.committed_amount::text AS "committedAmount", r.life_domain AS "lifeDomain",
  o.name AS "organisationName", r.payee, r.tier, r.retroactive, r.urgent,
  COALESCE(r.first_submitted_at, r.submitted_at) AS "submittedAt", r.decided_at AS "decidedAt",
  r.decision_due AS "decisionDue", r.solved_without_money AS "solvedWithoutMoney", r.barriers, r.justification,
  r.price_year AS "priceYear", r.created_at AS "createdAt"`;

/**
 * Every query of the reports and the finance export. Set-based: a report of 10,000 requests costs
 * the same handful of queries as one of ten. Uses the caller's transaction (TransactionRunner).
 */
@Injectable()
export class ReportsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  /** Inside a report's transaction: one consistent, read-only snapshot for all of its queries. */
  async useSnapshot(): Promise<void> {
    await this.m.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  }

  /** The funds with these ids, or all funds when `ids` is null; ordered by name. */
  findFunds(ids: readonly string[] | null): Promise<FundEntity[]> {
    const qb = this.m.getRepository(FundEntity).createQueryBuilder('f').orderBy('f.name', 'ASC');
    if (ids) qb.where('f.id = ANY(:ids)', { ids: [...ids] });
    return qb.getMany();
  }

  /** A fund by id, or by name (exact first, then ignoring case); for the command line. */
  async findFundByRef(ref: string): Promise<FundEntity | null> {
    const repo = this.m.getRepository(FundEntity);
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)) {
      const byId = await repo.findOneBy({ id: ref });
      if (byId) return byId;
    }
    const exact = await repo.findOneBy({ name: ref });
    if (exact) return exact;
    const loose = await repo.createQueryBuilder('f').where('lower(f.name) = lower(:ref)', { ref }).getMany();
    return loose.length === 1 ? loose[0] : null;
  }

  /** Funds this user holds as budget holder. */
  async heldFundIds(userId: string): Promise<string[]> {
    const rows: { fund_id: string }[] = await this.m.query('SELECT fund_id FROM fund_holders WHERE user_id = $1', [userId]);
    return rows.map((r) => r.fund_id);
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
        WHERE r.fund_id = ANY($1::uuid[])
          AND COALESCE(r.first_submitted_at, r.submitted_at) IS NOT NULL
          AND ((COALESCE(r.first_submitted_at, r.submitted_at) >= $2 AND COALESCE(r.first_submitted_at, r.submitted_at) < $3)
               OR (r.created_at >= $2 AND r.created_at < $3))
        ORDER BY COALESCE(r.first_submitted_at, r.submitted_at), r.id`,
      [[...fundIds], start.toISOString(), end.toISOString()],
    );
  }

  /** The stored conventional-route lines of these requests, in one query. */
  async costLines(requestIds: readonly string[]): Promise<Map<string, StoredCostLine[]>> {
    const out = new Map<string, StoredCostLine[]>();
    if (requestIds.length === 0) return out;
    const rows: {
      request_id: string; position: number; cost_item_id: string; cost_item_key: string; quantity: string; probability: string;
      note: string | null; unit_amount: string; unindexed: boolean; years: number; deadweight: string | null; attribution: string | null;
    }[] = await this.m.query(
      `SELECT request_id, position, cost_item_id, cost_item_key, quantity::text AS quantity, probability::text AS probability,
              note, unit_amount::text AS unit_amount, unindexed, years, deadweight::text AS deadweight, attribution::text AS attribution
         FROM request_cost_lines
        WHERE request_id = ANY($1::uuid[])
        ORDER BY request_id, position`,
      [[...requestIds]],
    );
    for (const r of rows) {
      const list = out.get(r.request_id) ?? [];
      list.push({
        position: r.position,
        costItemId: r.cost_item_id,
        costItemKey: r.cost_item_key,
        quantity: new Dec(r.quantity),
        probability: new Dec(r.probability),
        note: r.note,
        unitAmount: new Dec(r.unit_amount),
        unindexed: r.unindexed,
        years: r.years,
        deadweight: r.deadweight === null ? null : new Dec(r.deadweight),
        attribution: r.attribution === null ? null : new Dec(r.attribution),
      });
      out.set(r.request_id, list);
    }
    return out;
  }

  /** The latest follow-up (longest horizon, then newest) of each of these requests. */
  latestOutcomes(requestIds: readonly string[]): Promise<LatestOutcomeRow[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return this.m.query(
      `SELECT DISTINCT ON (request_id) request_id AS "requestId", lines, solved_without_money AS "solvedWithoutMoney"
         FROM request_outcomes
        WHERE request_id = ANY($1::uuid[])
        ORDER BY request_id, months DESC, created_at DESC`,
      [[...requestIds]],
    );
  }

  /** Exact catalogue versions (what the request lines point at). */
  catalogueVersions(ids: readonly string[]): Promise<CatalogueVersionRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.m.query(
      `SELECT id, key, version, label_nl AS "labelNl", label_en AS "labelEn", amount::text AS amount, price_year AS "priceYear",
              source, url, confidence
         FROM cost_items
        WHERE id = ANY($1::uuid[])
        ORDER BY key, version`,
      [[...new Set(ids)]],
    );
  }

  /** Every barrier tag, active or not: old requests keep the tags they were given. */
  barrierLabels(): Promise<{ key: string; labelNl: string; labelEn: string }[]> {
    return this.m.query('SELECT key, label_nl AS "labelNl", label_en AS "labelEn" FROM barrier_tags ORDER BY position, key');
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

  // ---- justification ---------------------------------------------------------------------------

  /** Whether the request exists, is in sight of `scope`, and is seen in full (with its case). */
  async requestAccess(scope: AccessScope, id: string): Promise<{ visible: boolean; full: boolean } | null> {
    const row = await this.m
      .createQueryBuilder()
      .select(`${requestVisibilitySql('r', scope)}`, 'visible')
      .addSelect(`${requestFullAccessSql('r', scope)}`, 'full')
      .from('requests', 'r')
      .where('r.id = :id', { id })
      .setParameters(scopeParams(scope))
      .getRawOne<{ visible: boolean; full: boolean }>();
    return row ? { visible: row.visible === true, full: row.full === true } : null;
  }

  async justificationRequest(id: string): Promise<JustificationRow | null> {
    const rows: JustificationRow[] = await this.m.query(
      `SELECT r.id, r.fund_id AS "fundId", f.name AS "fundName", r.title, r.justification, r.amount::text AS amount,
              r.paid_amount::text AS "paidAmount", r.committed_amount::text AS "committedAmount", r.payee,
              r.life_domain AS "lifeDomain", r.urgent, r.barriers, r.existing_provisions AS "existingProvisions",
              r.resident_wish AS "residentWish", r.status, r.tier, r.price_year AS "priceYear", c.code AS "caseCode",
              c.neighbourhood, u.display_name AS "requesterName", o.name AS "organisationName",
              COALESCE(r.first_submitted_at, r.submitted_at) AS "submittedAt", r.decision_due AS "decisionDue", r.created_at AS "createdAt"
         FROM requests r
         JOIN funds f ON f.id = r.fund_id
         JOIN cases c ON c.id = r.case_id
         JOIN users u ON u.id = r.requester_id
         JOIN organisations o ON o.id = r.organisation_id
        WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  events(requestId: string): Promise<EventRow[]> {
    return this.m.query(
      `SELECT e.created_at AS at, u.display_name AS "actorName", e.actor_role AS "actorRole", e.from_status AS "fromStatus",
              e.to_status AS "toStatus", e.reason
         FROM request_events e JOIN users u ON u.id = e.actor_id
        WHERE e.request_id = $1
        ORDER BY e.created_at, e.chain_seq`,
      [requestId],
    );
  }

  approvals(requestId: string): Promise<ApprovalRow[]> {
    return this.m.query(
      `SELECT a.created_at AS at, u.display_name AS "approverName", o.name AS "organisationName", a.comment
         FROM request_approvals a JOIN users u ON u.id = a.approver_id JOIN organisations o ON o.id = a.organisation_id
        WHERE a.request_id = $1
        ORDER BY a.created_at, a.id`,
      [requestId],
    );
  }

  payments(requestId: string): Promise<PaymentRow[]> {
    return this.m.query(
      `SELECT paid_at AS at, amount::text AS amount, reference FROM payments WHERE request_id = $1 ORDER BY paid_at, id`,
      [requestId],
    );
  }

  // ---- finance export --------------------------------------------------------------------------

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
