import { Injectable } from '@nestjs/common';
import { Dec } from '../common/money';
import { RowHydrator } from '../database/row-hydrator';
import type { SqlBatch } from '../database/sql-batch';
import { TransactionRunner } from '../database/transaction-runner';
import { LedgerAccountEntity } from '../ledger/ledger.entities';
import type { PersonRow } from '../users/users.repository';
import {
  RequestApprovalEntity, RequestCostLineEntity, RequestEntity, RequestEventEntity, RequestOutcomeEntity,
} from './request.entities';

/**
 * What a decision step reads about its request, in ONE statement after the fund is locked: the
 * request row (locked), the fund's accounts, the person's yearly total in the fund, and everything
 * the answer's view shows (approvals, history, cost lines, outcomes, duplicate candidates, case
 * code, people). Every writer of these rows holds the fund lock, so the statement, which starts
 * after the lock is held, sees them as they are; the step then adds what it writes itself.
 */
export interface StepView {
  request: RequestEntity;
  accounts: LedgerAccountEntity[];
  /** committed + paid of the case's other requests in the fund in the year asked for */
  personYearTotal: Dec;
  approvals: RequestApprovalEntity[];
  events: RequestEventEntity[];
  costLines: RequestCostLineEntity[];
  outcomes: RequestOutcomeEntity[];
  /** requests of the same case that could be duplicates (see duplicates.ts), this one included */
  candidates: RequestEntity[];
  caseCode: string | null;
  /** the requester, approvers, event actors and the acting user */
  people: Map<string, PersonRow>;
}

const CANDIDATE_FIELDS = ['id', 'caseId', 'title', 'payee', 'amount', 'status', 'createdAt'];

/** The decision steps' own statements: the request with its view in one read, and its writes into the step's batch. */
@Injectable()
export class RequestStepRepository {
  private sql: string | null = null;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly rows: RowHydrator,
  ) {}

  private statement(): string {
    if (this.sql) return this.sql;
    const j = (target: Parameters<RowHydrator['jsonObjectSql']>[0], alias: string, only?: string[]) => this.rows.jsonObjectSql(target, alias, only);
    this.sql = `SELECT r.*,
      (SELECT COALESCE(SUM(o.committed_amount + o.paid_amount), 0)::text FROM requests o
        WHERE o.case_id = r.case_id AND o.fund_id = r.fund_id AND o.created_at >= $2::timestamptz AND o.created_at < $3::timestamptz AND o.id <> r.id) AS "__person_total",
      (SELECT json_agg(${j(LedgerAccountEntity, 'a')}) FROM ledger_accounts a WHERE a.fund_id = r.fund_id) AS "__accounts",
      (SELECT json_agg(${j(RequestApprovalEntity, 'a')} ORDER BY a.created_at) FROM request_approvals a WHERE a.request_id = r.id) AS "__approvals",
      (SELECT json_agg(${j(RequestEventEntity, 'e')} ORDER BY e.created_at, e.chain_seq) FROM request_events e WHERE e.request_id = r.id) AS "__events",
      (SELECT json_agg(${j(RequestCostLineEntity, 'l')} ORDER BY l.position) FROM request_cost_lines l WHERE l.request_id = r.id) AS "__lines",
      (SELECT json_agg(${j(RequestOutcomeEntity, 'o')} ORDER BY o.months, o.created_at) FROM request_outcomes o WHERE o.request_id = r.id) AS "__outcomes",
      (SELECT json_agg(${j(RequestEntity, 'd', CANDIDATE_FIELDS)}) FROM requests d
        WHERE d.case_id = r.case_id AND d.status NOT IN ('withdrawn', 'rejected')) AS "__candidates",
      (SELECT c.code FROM cases c WHERE c.id = r.case_id) AS "__case_code",
      (SELECT json_agg(json_build_object('id', u.id, 'name', u.display_name, 'organisationId', u.organisation_id, 'organisationName', g.name))
         FROM users u LEFT JOIN organisations g ON g.id = u.organisation_id
        WHERE u.id = r.requester_id OR u.id = ANY($4::uuid[])
           OR u.id IN (SELECT approver_id FROM request_approvals WHERE request_id = r.id)
           OR u.id IN (SELECT actor_id FROM request_events WHERE request_id = r.id)) AS "__people"
      FROM requests r
     WHERE r.id = ANY($1::uuid[]) AND r.fund_id = $5::uuid
     ORDER BY r.id
       FOR UPDATE OF r`;
    return this.sql;
  }

  /**
   * Lock request `id` of the locked fund `fundId` (SELECT … FOR UPDATE) and read its view, with the
   * person's total over [yearFrom, yearTo); null when there is no such request in that fund.
   */
  async lockWithView(id: string, fundId: string, yearFrom: Date, yearTo: Date, userId: string): Promise<StepView | null> {
    return (await this.lockWithViews([id], fundId, yearFrom, yearTo, [userId])).get(id) ?? null;
  }

  /**
   * `lockWithView` for several requests of one fund at once (a group transaction), locked in id
   * order; `userIds` are all the acting users (for the people of the views).
   */
  async lockWithViews(ids: readonly string[], fundId: string, yearFrom: Date, yearTo: Date, userIds: readonly string[]): Promise<Map<string, StepView>> {
    const found: Record<string, unknown>[] = await this.tx.manager.query(this.statement(), [
      [...new Set(ids)], yearFrom.toISOString(), yearTo.toISOString(), [...new Set(userIds)], fundId,
    ]);
    const out = new Map<string, StepView>();
    for (const row of found) {
      const list = <T extends object>(target: new () => T, key: string): T[] => ((row[key] as Record<string, unknown>[] | null) ?? []).map((o) => this.rows.fromJson(target, o));
      const view: StepView = {
        request: this.rows.fromRow(RequestEntity, row),
        accounts: list(LedgerAccountEntity, '__accounts'),
        personYearTotal: new Dec(row.__person_total as string),
        approvals: list(RequestApprovalEntity, '__approvals'),
        events: list(RequestEventEntity, '__events'),
        costLines: list(RequestCostLineEntity, '__lines'),
        outcomes: list(RequestOutcomeEntity, '__outcomes'),
        candidates: list(RequestEntity, '__candidates'),
        caseCode: (row.__case_code as string | null) ?? null,
        people: new Map(((row.__people as PersonRow[] | null) ?? []).map((p) => [p.id, p])),
      };
      out.set(view.request.id, view);
    }
    return out;
  }

  /** The approval row, into the step's batch. */
  insertApproval(batch: SqlBatch, a: RequestApprovalEntity): void {
    batch.insert('request_approvals', {
      id: a.id, request_id: a.requestId, approver_id: a.approverId, approver_role: a.approverRole, organisation_id: a.organisationId,
      comment: a.comment, created_at: a.createdAt,
    });
  }

  /** The append-only event row (already chained), into the step's batch. */
  insertEvent(batch: SqlBatch, e: RequestEventEntity): void {
    batch.insert('request_events', {
      id: e.id, request_id: e.requestId, fund_id: e.fundId, chain_seq: e.chainSeq, actor_id: e.actorId, actor_role: e.actorRole,
      from_status: e.fromStatus, to_status: e.toStatus, reason: e.reason, reason_digest: e.reasonDigest, reason_salt: e.reasonSalt,
      chain_format: e.chainFormat, reason_erased_at: e.reasonErasedAt, reason_code: e.reasonCode, reason_params: e.reasonParams,
      created_at: e.createdAt, prev_hash: e.prevHash, hash: e.hash,
    });
  }

  /** The request's workflow state (what RequestsRepository.saveState writes), into the step's batch. */
  saveState(batch: SqlBatch, r: RequestEntity): void {
    batch.update('requests', r.id, {
      status: r.status, tier: r.tier, tier_reason: r.tierReason, committed_amount: r.committedAmount, paid_amount: r.paidAmount,
      info_question: r.infoQuestion, submitted_at: r.submittedAt, first_submitted_at: r.firstSubmittedAt, decision_due: r.decisionDue,
      decided_at: r.decidedAt, updated_at: r.updatedAt, version: r.version + 1,
    });
    r.version += 1;
  }
}
