import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RequestStatus, Tier } from '../../requests/request.entities';
import { TransactionRunner } from '../../database/transaction-runner';

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
  /** when retention last erased the narratives of the case (null when it never did) */
  narrativesErasedAt: Date | null;
}

export interface EventRow {
  at: Date;
  actorName: string;
  actorRole: string;
  fromStatus: RequestStatus | null;
  toStatus: RequestStatus;
  reason: string;
  /** a reason the system wrote: its code and parameters (said in the report's language) */
  reasonCode: string | null;
  reasonParams: Record<string, string> | null;
  /** set when retention erased the reason */
  reasonErasedAt: Date | null;
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

/** One request with its case, history, approvals and payments, for its justification PDF. Uses the caller's transaction (TransactionRunner), like every report read model. */
@Injectable()
export class JustificationReadModel {
  constructor(private readonly tx: TransactionRunner) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  /** The recorded follow-ups of a request, oldest first. */
  outcomes(id: string): Promise<{ months: number; goalReached: 'yes' | 'partly' | 'no'; note: string; at: Date }[]> {
    return this.m.query(
      `SELECT months, goal_reached AS "goalReached", note, created_at AS at FROM request_outcomes WHERE request_id = $1 ORDER BY months, created_at`,
      [id],
    );
  }

  async justificationRequest(id: string): Promise<JustificationRow | null> {
    const rows: JustificationRow[] = await this.m.query(
      `SELECT r.id, r.fund_id AS "fundId", f.name AS "fundName", r.title, r.justification, r.amount::text AS amount,
              r.paid_amount::text AS "paidAmount", r.committed_amount::text AS "committedAmount", r.payee,
              r.life_domain AS "lifeDomain", r.urgent, r.barriers, r.existing_provisions AS "existingProvisions",
              r.resident_wish AS "residentWish", r.status, r.tier, r.price_year AS "priceYear", c.code AS "caseCode",
              c.neighbourhood, u.display_name AS "requesterName", o.name AS "organisationName",
              COALESCE(r.first_submitted_at, r.submitted_at) AS "submittedAt", r.decision_due AS "decisionDue", r.created_at AS "createdAt",
              (SELECT max(x.erased_at) FROM retention_erasures x WHERE x.case_id = r.case_id) AS "narrativesErasedAt"
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
              e.to_status AS "toStatus", e.reason, e.reason_code AS "reasonCode", e.reason_params AS "reasonParams",
              e.reason_erased_at AS "reasonErasedAt"
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
}
