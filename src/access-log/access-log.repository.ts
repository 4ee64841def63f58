import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import type { AccessAction, AccessChannel } from './access-log.entity';

export interface AccessLogInsert {
  occurredAt: Date;
  userId: string | null;
  userEmail: string;
  channel: AccessChannel;
  action: AccessAction;
  caseId: string | null;
  /** a request id; its case is looked up in the same statement */
  requestId: string | null;
  detail: string;
}

export interface AccessLogFilter {
  caseId?: string;
  caseCode?: string;
  userId?: string;
  userEmail?: string;
  /** from inclusive, to exclusive */
  from?: Date;
  to?: Date;
}

export interface AccessLogRow {
  id: string;
  occurredAt: Date;
  userId: string | null;
  userEmail: string;
  userName: string | null;
  channel: AccessChannel;
  action: AccessAction;
  caseId: string | null;
  caseCode: string | null;
  subjectId: string | null;
  detail: string;
}

@Injectable()
export class AccessLogRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /**
   * One statement, one round trip: for a request read the case comes from the request row, so the
   * caller does not have to load it (and the log copies nothing but ids).
   */
  async insert(e: AccessLogInsert): Promise<void> {
    const params = [e.occurredAt, e.userId, e.userEmail, e.channel, e.action, e.caseId, e.requestId, e.detail];
    await this.tx.manager.query(
      `INSERT INTO access_log (occurred_at, user_id, user_email, channel, action, case_id, subject_id, detail)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6::uuid, (SELECT r.case_id FROM requests r WHERE r.id = $7::uuid)), $7::uuid, $8)`,
      params,
    );
  }

  /** The account an operator names on the command line (case-insensitive e-mail). */
  async findOperator(email: string): Promise<{ id: string; email: string; active: boolean; roles: string[] } | null> {
    const rows: { id: string; email: string; active: boolean; roles: string[] }[] = await this.tx.manager.query(
      `SELECT id, email, active, roles FROM users WHERE lower(email) = lower($1)`,
      [email],
    );
    return rows[0] ?? null;
  }

  async search(f: AccessLogFilter, limit: number, offset: number): Promise<AccessLogRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.caseId) add('l.case_id = ?::uuid', f.caseId);
    if (f.caseCode) add('c.code = ?', f.caseCode);
    if (f.userId) add('l.user_id = ?::uuid', f.userId);
    if (f.userEmail) add('lower(l.user_email) = lower(?)', f.userEmail);
    if (f.from) add('l.occurred_at >= ?', f.from);
    if (f.to) add('l.occurred_at < ?', f.to);
    params.push(limit, offset);
    const rows: Record<string, unknown>[] = await this.tx.manager.query(
      `SELECT l.id, l.occurred_at, l.user_id, l.user_email, u.display_name AS user_name, l.channel, l.action,
              l.case_id, c.code AS case_code, l.subject_id, l.detail
         FROM access_log l
         LEFT JOIN cases c ON c.id = l.case_id
         LEFT JOIN users u ON u.id = l.user_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY l.occurred_at DESC, l.id DESC
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      occurredAt: new Date(r.occurred_at as string | Date),
      userId: (r.user_id as string | null) ?? null,
      userEmail: r.user_email as string,
      userName: (r.user_name as string | null) ?? null,
      channel: r.channel as AccessChannel,
      action: r.action as AccessAction,
      caseId: (r.case_id as string | null) ?? null,
      caseCode: (r.case_code as string | null) ?? null,
      subjectId: (r.subject_id as string | null) ?? null,
      detail: r.detail as string,
    }));
  }
}
