import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { AWAITING_DECISION } from '../requests/request-state';
import type { NotificationMode, Role } from '../users/user.entity';
import type { DeliveryStatus, MailDeliveryEntity, NotificationEntity } from './notification.entities';

/** A workflow event waiting in the outbox, with what the fan-out needs of its request. */
export interface OutboxEvent {
  eventId: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: string;
  actorRole: string;
  at: Date;
  request: RequestFacts;
}

export interface RequestFacts {
  id: string;
  requesterId: string;
  fundId: string;
  fundName: string;
  caseCode: string;
  amount: string;
  urgent: boolean;
  retroactive: boolean;
  submittedAt: Date | null;
  decisionDue: Date | null;
}

export interface Recipient {
  id: string;
  email: string;
  organisationId: string;
  roles: Role[];
  notificationMode: NotificationMode;
}

export type NewNotification = Omit<NotificationEntity, 'id' | 'readAt'>;

export type NewDelivery = Pick<MailDeliveryEntity, 'userId' | 'toAddress' | 'subject' | 'textBody' | 'htmlBody' | 'notificationId' | 'dedupeKey' | 'createdAt'>;

export type ClaimedDelivery = Pick<MailDeliveryEntity, 'id' | 'toAddress' | 'subject' | 'textBody' | 'htmlBody' | 'attempts'>;

export type InboxItem = Omit<NotificationEntity, 'userId' | 'dedupeKey'>;

export interface DigestRow {
  id: string;
  userId: string;
  subject: string;
  link: string;
  createdAt: Date;
}

const REQUEST_FACTS = `
  r.id AS "id", r.requester_id AS "requesterId", r.fund_id AS "fundId", f.name AS "fundName", c.code AS "caseCode",
  r.amount::text AS "amount", r.urgent AS "urgent", r.retroactive AS "retroactive",
  r.submitted_at AS "submittedAt", r.decision_due AS "decisionDue"`;

const RECIPIENT = `u.id, u.email, u.organisation_id AS "organisationId", u.roles, u.notification_mode AS "notificationMode"`;

/** Postgres-side lock key, so that one instance at a time runs the deadline checks. */
const DEADLINE_LOCK = 'doorbraakbudget.notifications.deadlines';

/**
 * Queries of the notifications part: the outbox, recipients, the inbox, digests and the SMTP queue.
 * Claims use FOR UPDATE SKIP LOCKED, so several app instances share the work without doing any
 * piece twice.
 */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.tx.manager.query(sql, params) as Promise<T[]>;
  }

  /** UPDATE … RETURNING: TypeORM answers those with [rows, affected] on PostgreSQL. */
  private async updateReturning<T>(sql: string, params: unknown[]): Promise<T[]> {
    const result = (await this.tx.manager.query(sql, params)) as [T[], number];
    return result[0];
  }

  /** In the workflow step's own transaction: the event is to be announced once it has committed. */
  async enqueue(eventId: string, requestId: string, at: Date): Promise<void> {
    await this.query('INSERT INTO notification_outbox (event_id, request_id, created_at) VALUES ($1, $2, $3)', [eventId, requestId, at]);
  }

  /** The oldest unprocessed events, locked for this transaction; other instances skip them. */
  async claimOutbox(limit: number): Promise<OutboxEvent[]> {
    const rows = await this.query<RequestFacts & { eventId: string; fromStatus: string | null; toStatus: string; actorId: string; actorRole: string; at: Date }>(
      `SELECT o.event_id AS "eventId", e.from_status AS "fromStatus", e.to_status AS "toStatus", e.actor_id AS "actorId",
              e.actor_role AS "actorRole", e.created_at AS "at", ${REQUEST_FACTS}
         FROM notification_outbox o
         JOIN request_events e ON e.id = o.event_id
         JOIN requests r ON r.id = o.request_id
         JOIN funds f ON f.id = r.fund_id
         JOIN cases c ON c.id = r.case_id
        WHERE o.processed_at IS NULL
        ORDER BY o.created_at, o.event_id
        LIMIT $1
          FOR UPDATE OF o SKIP LOCKED`,
      [limit],
    );
    return rows.map(({ eventId, fromStatus, toStatus, actorId, actorRole, at, ...request }) => ({ eventId, fromStatus, toStatus, actorId, actorRole, at, request }));
  }

  async markProcessed(eventIds: readonly string[], at: Date): Promise<void> {
    if (eventIds.length) await this.query('UPDATE notification_outbox SET processed_at = $2 WHERE event_id = ANY($1)', [eventIds, at]);
  }

  /** Active budget holders of the fund. */
  fundHolders(fundId: string): Promise<Recipient[]> {
    return this.query(
      `SELECT ${RECIPIENT} FROM fund_holders h JOIN users u ON u.id = h.user_id
        WHERE h.fund_id = $1 AND u.active AND 'budget_holder' = ANY(u.roles) ORDER BY u.email`,
      [fundId],
    );
  }

  /** Active users with a role (admins for escalations, the steering group as possible second approvers). */
  withRole(role: Role): Promise<Recipient[]> {
    return this.query(`SELECT ${RECIPIENT} FROM users u WHERE u.active AND $1 = ANY(u.roles) ORDER BY u.email`, [role]);
  }

  async user(id: string): Promise<Recipient | null> {
    return (await this.query<Recipient>(`SELECT ${RECIPIENT} FROM users u WHERE u.id = $1 AND u.active`, [id]))[0] ?? null;
  }

  /** Who approved the request so far (and for which organisation). */
  approvals(requestId: string): Promise<{ approverId: string; organisationId: string }[]> {
    return this.query('SELECT approver_id AS "approverId", organisation_id AS "organisationId" FROM request_approvals WHERE request_id = $1', [requestId]);
  }

  /** Inserted unless a notification with the same dedupe key exists; returns the new id or null. */
  async insertNotification(n: NewNotification): Promise<string | null> {
    const rows = await this.query<{ id: string }>(
      `INSERT INTO notifications (user_id, request_id, kind, urgent, subject, body, link, dedupe_key, mail_status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [n.userId, n.requestId, n.kind, n.urgent, n.subject, n.body, n.link, n.dedupeKey, n.mailStatus, n.createdAt],
    );
    return rows[0]?.id ?? null;
  }

  async insertDelivery(d: NewDelivery): Promise<void> {
    await this.query(
      `INSERT INTO mail_deliveries (user_id, to_address, subject, text_body, html_body, notification_id, dedupe_key, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (dedupe_key) DO NOTHING`,
      [d.userId, d.toAddress, d.subject, d.textBody, d.htmlBody, d.notificationId, d.dedupeKey, d.createdAt],
    );
  }

  /** Only one instance at a time checks deadlines; the others skip this round. Inside a transaction. */
  async tryDeadlineLock(): Promise<boolean> {
    const [row] = await this.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok', [DEADLINE_LOCK]);
    return row.ok === true;
  }

  /**
   * Requests waiting for a decision whose deadline is at most `until` and that have not had their
   * escalation (deadline passed by `now`) or reminder since they were last submitted: the ones to
   * remind about or escalate, so a long-overdue request is not looked at again every round.
   */
  awaitingDecisionDueBy(until: Date, now: Date): Promise<RequestFacts[]> {
    return this.query(
      `SELECT ${REQUEST_FACTS} FROM requests r JOIN funds f ON f.id = r.fund_id JOIN cases c ON c.id = r.case_id
        WHERE r.status = ANY($2) AND r.decision_due IS NOT NULL AND r.decision_due <= $1
          AND NOT EXISTS (
            SELECT 1 FROM notifications n
             WHERE n.request_id = r.id AND n.created_at >= r.submitted_at
               AND n.kind = CASE WHEN r.decision_due <= $3 THEN 'escalation' ELSE 'reminder' END)
        ORDER BY r.decision_due`,
      [until, AWAITING_DECISION, now],
    );
  }

  /** Digest items of everyone, created before `before`, locked for this transaction. */
  claimDigestItems(before: Date): Promise<DigestRow[]> {
    return this.query(
      `SELECT id, user_id AS "userId", subject, link, created_at AS "createdAt" FROM notifications
        WHERE mail_status = 'digest' AND created_at < $1 ORDER BY user_id, created_at FOR UPDATE SKIP LOCKED`,
      [before],
    );
  }

  async markDigested(ids: readonly string[]): Promise<void> {
    if (ids.length) await this.query(`UPDATE notifications SET mail_status = 'digested' WHERE id = ANY($1)`, [ids]);
  }

  /**
   * Claim mails that are due (or whose previous claim expired: an instance died while sending).
   * The claim is a lease, committed at once, so the SMTP conversation happens outside any transaction.
   */
  claimDeliveries(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    return this.updateReturning(
      `UPDATE mail_deliveries d SET status = 'sending', locked_until = $2, attempts = d.attempts + 1
        WHERE d.id IN (
          SELECT id FROM mail_deliveries
           WHERE (status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND locked_until <= $1)
           ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.to_address AS "toAddress", d.subject, d.text_body AS "textBody", d.html_body AS "htmlBody", d.attempts`,
      [now, leaseUntil, limit],
    );
  }

  async finishDelivery(id: string, status: DeliveryStatus, at: Date, error: string | null, nextAttemptAt: Date | null): Promise<void> {
    await this.query(
      `UPDATE mail_deliveries SET status = $2, sent_at = CASE WHEN $2 = 'sent' THEN $3::timestamptz ELSE sent_at END,
              last_error = $4, next_attempt_at = COALESCE($5, next_attempt_at), locked_until = NULL
        WHERE id = $1`,
      [id, status, at, error, nextAttemptAt],
    );
  }

  inbox(userId: string, limit: number): Promise<InboxItem[]> {
    return this.query(
      `SELECT id, request_id AS "requestId", kind, urgent, subject, body, link, mail_status AS "mailStatus",
              created_at AS "createdAt", read_at AS "readAt"
         FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, limit],
    );
  }

  async owns(userId: string, id: string): Promise<boolean> {
    return (await this.query('SELECT 1 FROM notifications WHERE id = $1 AND user_id = $2', [id, userId])).length > 0;
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.query<{ n: string }>('SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return Number(row.n);
  }

  /** Marks the user's own notifications read (all of them when `ids` is null); returns how many changed. */
  async markRead(userId: string, ids: readonly string[] | null, at: Date): Promise<number> {
    const rows = await this.updateReturning<{ id: string }>(
      `UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL AND ($3::uuid[] IS NULL OR id = ANY($3)) RETURNING id`,
      [userId, at, ids],
    );
    return rows.length;
  }

  async setMode(userId: string, mode: NotificationMode): Promise<void> {
    await this.query('UPDATE users SET notification_mode = $2 WHERE id = $1', [userId, mode]);
  }

  async mode(userId: string): Promise<NotificationMode> {
    const [row] = await this.query<{ mode: NotificationMode }>('SELECT notification_mode AS mode FROM users WHERE id = $1', [userId]);
    return row?.mode ?? 'immediate';
  }
}
