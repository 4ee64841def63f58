import { Injectable } from '@nestjs/common';
import { AccessScope, requestFullAccessSql, requestVisibilitySql, scopeParams } from '../access/visibility';
import { comparisonTotalsSql, TotalsRow } from '../cost-comparison/comparison-totals';
import { preparedQuery } from '../database/prepared-query';
import { TransactionRunner } from '../database/transaction-runner';
import type { RequestStatus } from './request.entities';
import type { RequestFilters, RequestOrder } from './requests.repository';

/**
 * A timestamptz as the API writes it (Date.toISOString: UTC, milliseconds), made by PostgreSQL:
 * to_char's MS truncates the microseconds as `pg`'s own parsing into a Date does, so the string
 * is the one the item endpoint gives, without a Date per field on the way.
 */
const iso = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** One possible-duplicate candidate of a list item (same case, amount within the tolerance, created around the same time). */
export interface SummaryCandidate {
  id: string;
  caseId: string;
  title: string;
  amount: string;
  status: RequestStatus;
  payee: string;
  /** ISO 8601, as Date.toISOString writes it */
  createdAt: string;
}

export interface SummaryApproval {
  approverId: string;
  approverName: string;
  organisationId: string;
  organisationName: string;
  role: string;
  comment: string;
  at: string;
}

export interface SummaryEvent {
  at: string;
  actorId: string;
  actorName: string;
  actorRole: string;
  from: string | null;
  to: string;
  reason: string;
  reasonCode: string | null;
  reasonParams: Record<string, string> | null;
  /** when retention erased the reason (ISO), else null */
  reasonErasedAt: string | null;
}

/** A list item as one row of one query: the request, the names it shows, its comparison totals and what `expand` asked for. */
export interface SummaryRow {
  id: string;
  caseId: string;
  fundId: string;
  requesterId: string;
  title: string;
  /** money as PostgreSQL writes numeric(14,2): exact, two decimals */
  amount: string;
  committedAmount: string;
  paidAmount: string;
  payee: string;
  lifeDomain: string;
  urgent: boolean;
  status: RequestStatus;
  tier: string | null;
  retroactive: boolean;
  priceYear: number;
  /** times as ISO 8601 strings, as Date.toISOString writes them */
  submittedAt: string | null;
  decisionDue: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  full: boolean;
  caseCode: string | null;
  fundName: string;
  fundMethod: { dropOff: string; discountRate: string; horizonYears: number };
  requesterName: string;
  requesterOrganisation: string;
  /** null when the query was asked to leave them out */
  totals: TotalsRow | null;
  /** months of the recorded follow-ups; only read for paid and evaluated requests (the others have no schedule) */
  followedUpMonths: number[];
  candidates: SummaryCandidate[];
  /** null: none, or not asked for */
  approvals: SummaryApproval[] | null;
  events: SummaryEvent[] | null;
}

interface Raw {
  id: string;
  case_id: string;
  fund_id: string;
  requester_id: string;
  title: string;
  amount: string;
  committed_amount: string;
  paid_amount: string;
  payee: string;
  life_domain: string;
  urgent: boolean;
  status: RequestStatus;
  tier: string | null;
  retroactive: boolean;
  price_year: number;
  submitted_at: string | null;
  decision_due: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
  full_access: boolean;
  case_code: string | null;
  fund_name: string | null;
  drop_off: string;
  discount_rate: string;
  horizon_years: number;
  requester_name: string | null;
  requester_organisation: string | null;
  low: string | null;
  central: string | null;
  high: string | null;
  multi: TotalsRow['multi'];
  followed_up: number[] | null;
  candidates: [string, string, string, string, RequestStatus, string, string][] | null;
  approvals: [string, string, string, string, string, string, string][] | null;
  events: [string, string, string, string, string | null, string, string, string | null, Record<string, string> | null, string | null][] | null;
}

/**
 * The request list as one hand-written query instead of entity hydration and a query per kind of
 * detail: the page in sight of the user (visibility.ts, unchanged), with case code, fund name and
 * method, requester, the comparison totals summed in SQL (comparison-totals.ts), the follow-ups'
 * months, the possible-duplicate candidates and, when expanded, approvals and history as JSON.
 */
@Injectable()
export class RequestSummariesRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async page(
    scope: AccessScope,
    filters: RequestFilters,
    order: RequestOrder,
    limit: number,
    after: { key: string | null; id: string } | null,
    /** totalsParams: the parameters of comparisonTotalsSql, or null to leave the totals out */
    opts: { approvals: boolean; history: boolean; totalsParams: Record<string, string> | null },
  ): Promise<SummaryRow[]> {
    const where: string[] = [requestVisibilitySql('r', scope)];
    const params: Record<string, unknown> = { ...scopeParams(scope), ...(opts.totalsParams ?? {}), limit };
    if (filters.status) {
      where.push('r.status = :status');
      params.status = filters.status;
    }
    if (filters.fundId) {
      where.push('r.fund_id = CAST(:fundId AS uuid)');
      params.fundId = filters.fundId;
    }
    if (filters.caseId) {
      where.push('r.case_id = CAST(:caseId AS uuid)');
      params.caseId = filters.caseId;
    }
    if (filters.urgent !== undefined) {
      where.push('r.urgent = :urgent');
      params.urgent = filters.urgent;
    }
    if (filters.overdueAt) {
      where.push("r.status = 'submitted' AND r.decision_due < CAST(:overdueAt AS timestamptz)");
      params.overdueAt = filters.overdueAt.toISOString();
    }
    let orderBy: string;
    if (order === 'newest') {
      if (after) {
        where.push('(r.created_at, r.id) < (CAST(:afterKey AS timestamptz), CAST(:afterId AS uuid))');
        Object.assign(params, { afterKey: after.key, afterId: after.id });
      }
      orderBy = 'r.created_at DESC, r.id DESC';
    } else {
      // earliest deadline first; requests without a deadline (drafts, decided) come last
      if (after && after.key !== null) {
        where.push(
          '(r.decision_due > CAST(:afterKey AS timestamptz) OR (r.decision_due = CAST(:afterKey AS timestamptz) AND r.id > CAST(:afterId AS uuid)) OR r.decision_due IS NULL)',
        );
        Object.assign(params, { afterKey: after.key, afterId: after.id });
      } else if (after) {
        where.push('r.decision_due IS NULL AND r.id > CAST(:afterId AS uuid)');
        params.afterId = after.id;
      }
      orderBy = 'r.decision_due ASC NULLS LAST, r.id ASC';
    }
    const approvals = opts.approvals
      ? `(SELECT json_agg(json_build_array(a.approver_id, COALESCE(au.display_name, ''), a.organisation_id, COALESCE(ao.name, ''),
                                           a.approver_role, a.comment, ${iso('a.created_at')}) ORDER BY a.created_at, a.id)
            FROM request_approvals a LEFT JOIN users au ON au.id = a.approver_id LEFT JOIN organisations ao ON ao.id = au.organisation_id
           WHERE a.request_id = r.id)`
      : 'NULL';
    const events = opts.history
      ? `(SELECT json_agg(json_build_array(${iso('e.created_at')}, e.actor_id, COALESCE(eu.display_name, ''), e.actor_role, e.from_status,
                                           e.to_status, e.reason, e.reason_code, e.reason_params, ${iso('e.reason_erased_at')}) ORDER BY e.created_at, e.chain_seq)
            FROM request_events e LEFT JOIN users eu ON eu.id = e.actor_id
           WHERE e.request_id = r.id)`
      : 'NULL';
    // the page first (ids only, so the planner sorts narrow rows), then everything else for at most `limit` rows
    const sql = `
      WITH page AS MATERIALIZED (SELECT r.id, r.fund_id FROM requests r WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT :limit)
      SELECT r.id, r.case_id, r.fund_id, r.requester_id, r.title, r.amount::text AS amount, r.committed_amount::text AS committed_amount,
             r.paid_amount::text AS paid_amount, r.payee, r.life_domain, r.urgent, r.status, r.tier, r.retroactive, r.price_year,
             ${iso('r.submitted_at')} AS submitted_at, ${iso('r.decision_due')} AS decision_due, ${iso('r.decided_at')} AS decided_at,
             ${iso('r.created_at')} AS created_at, ${iso('r.updated_at')} AS updated_at,
             ${requestFullAccessSql('r', scope)} AS full_access,
             c.code AS case_code, f.name AS fund_name, f.drop_off::text AS drop_off, f.discount_rate::text AS discount_rate, f.horizon_years,
             u.display_name AS requester_name, o.name AS requester_organisation,
             ${opts.totalsParams ? 't.low, t.central, t.high, t.multi' : 'NULL AS low, NULL AS central, NULL AS high, NULL AS multi'},
             CASE WHEN r.status IN ('paid', 'evaluated') THEN (SELECT array_agg(ro.months ORDER BY ro.months, ro.created_at) FROM request_outcomes ro WHERE ro.request_id = r.id) END AS followed_up,
             (SELECT json_agg(json_build_array(d.id, d.case_id, d.title, d.amount::text, d.status, d.payee, ${iso('d.created_at')}) ORDER BY d.created_at, d.id)
                FROM requests d
               WHERE d.case_id = r.case_id AND d.id <> r.id AND d.status NOT IN ('withdrawn', 'rejected')
                 AND abs(d.amount - r.amount) <= r.amount * 0.10
                 AND d.created_at BETWEEN r.created_at - interval '30 days 1 second' AND r.created_at + interval '30 days 1 second') AS candidates,
             ${approvals} AS approvals,
             ${events} AS events
        FROM page JOIN requests r ON r.id = page.id
        JOIN funds f ON f.id = r.fund_id
        LEFT JOIN cases c ON c.id = r.case_id
        LEFT JOIN users u ON u.id = r.requester_id
        LEFT JOIN organisations o ON o.id = u.organisation_id
        ${opts.totalsParams ? `LEFT JOIN ${comparisonTotalsSql('SELECT p.id AS request_id, pf.horizon_years FROM page p JOIN funds pf ON pf.id = p.fund_id')} t ON t.request_id = r.id` : ''}
       ORDER BY ${orderBy}`;
    const manager = this.tx.manager;
    const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
    const rows = await preparedQuery<Raw>(manager, text, values);
    return rows.map((r) => toRow(r, opts.totalsParams !== null));
  }
}

function toRow(r: Raw, withTotals: boolean): SummaryRow {
  return {
    id: r.id,
    caseId: r.case_id,
    fundId: r.fund_id,
    requesterId: r.requester_id,
    title: r.title,
    amount: r.amount,
    committedAmount: r.committed_amount,
    paidAmount: r.paid_amount,
    payee: r.payee,
    lifeDomain: r.life_domain,
    urgent: r.urgent,
    status: r.status,
    tier: r.tier,
    retroactive: r.retroactive,
    priceYear: r.price_year,
    submittedAt: r.submitted_at,
    decisionDue: r.decision_due,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    full: r.full_access === true,
    caseCode: r.case_code,
    fundName: r.fund_name ?? '',
    fundMethod: { dropOff: r.drop_off, discountRate: r.discount_rate, horizonYears: r.horizon_years },
    requesterName: r.requester_name ?? '',
    requesterOrganisation: r.requester_organisation ?? '',
    totals: withTotals ? { low: r.low, central: r.central, high: r.high, multi: r.multi } : null,
    followedUpMonths: r.followed_up ?? [],
    candidates: (r.candidates ?? []).map(([id, caseId, title, amount, status, payee, createdAt]) => ({
      id, caseId, title, amount, status, payee, createdAt,
    })),
    approvals:
      r.approvals?.map(([approverId, approverName, organisationId, organisationName, role, comment, at]) => ({
        approverId, approverName, organisationId, organisationName, role, comment, at,
      })) ?? null,
    events:
      r.events?.map(([at, actorId, actorName, actorRole, from, to, reason, reasonCode, reasonParams, reasonErasedAt]) => ({
        at, actorId, actorName, actorRole, from, to, reason, reasonCode, reasonParams, reasonErasedAt,
      })) ?? null,
  };
}
