import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import type { ErasedFields } from './retention-erasure.entity';

export interface ExpiredCaseRow {
  caseId: string;
  caseCode: string;
  closedAt: Date;
  fields: ErasedFields;
}

/**
 * The narrative fields that retention erases, as `table.column` with the SQL that counts the
 * non-empty values of one case ($1) and the statement that empties them. Amounts, statuses, dates,
 * the cost lines' figures and the ledger are not here. The workflow events' reasons are counted
 * here too (EVENT_REASONS) but erased by the ledger's ReasonEraser, which keeps the chain verifiable.
 */
const NARRATIVES: { field: string; count: string; erase: string }[] = [
  {
    field: 'requests.justification',
    count: `SELECT count(*) FROM requests WHERE case_id = $1 AND justification <> ''`,
    erase: `UPDATE requests SET justification = '' WHERE case_id = $1 AND justification <> ''`,
  },
  {
    field: 'requests.resident_wish',
    count: `SELECT count(*) FROM requests WHERE case_id = $1 AND resident_wish <> ''`,
    erase: `UPDATE requests SET resident_wish = '' WHERE case_id = $1 AND resident_wish <> ''`,
  },
  {
    field: 'requests.info_question',
    count: `SELECT count(*) FROM requests WHERE case_id = $1 AND info_question IS NOT NULL AND info_question <> ''`,
    erase: `UPDATE requests SET info_question = NULL WHERE case_id = $1 AND info_question IS NOT NULL AND info_question <> ''`,
  },
  {
    field: 'requests.existing_provisions.note',
    count: `SELECT count(*) FROM requests r, jsonb_array_elements(r.existing_provisions) e WHERE r.case_id = $1 AND coalesce(e->>'note', '') <> ''`,
    erase: `UPDATE requests r SET existing_provisions = (SELECT coalesce(jsonb_agg(e - 'note'), '[]'::jsonb) FROM jsonb_array_elements(r.existing_provisions) e)
             WHERE r.case_id = $1 AND EXISTS (SELECT 1 FROM jsonb_array_elements(r.existing_provisions) e WHERE coalesce(e->>'note', '') <> '')`,
  },
  {
    field: 'request_cost_lines.note',
    count: `SELECT count(*) FROM request_cost_lines l JOIN requests r ON r.id = l.request_id WHERE r.case_id = $1 AND coalesce(l.note, '') <> ''`,
    erase: `UPDATE request_cost_lines l SET note = NULL FROM requests r WHERE r.id = l.request_id AND r.case_id = $1 AND coalesce(l.note, '') <> ''`,
  },
  {
    field: 'request_approvals.comment',
    count: `SELECT count(*) FROM request_approvals a JOIN requests r ON r.id = a.request_id WHERE r.case_id = $1 AND a.comment <> ''`,
    erase: `UPDATE request_approvals a SET comment = '' FROM requests r WHERE r.id = a.request_id AND r.case_id = $1 AND a.comment <> ''`,
  },
  {
    field: 'request_outcomes.note',
    count: `SELECT count(*) FROM request_outcomes o JOIN requests r ON r.id = o.request_id WHERE r.case_id = $1 AND o.note <> ''`,
    erase: `UPDATE request_outcomes o SET note = '' FROM requests r WHERE r.id = o.request_id AND r.case_id = $1 AND o.note <> ''`,
  },
];

/** Workflow-event reasons (a rejection, a question, a comment); their codes and other parameters stay. */
export const EVENT_REASONS = {
  field: 'request_events.reason',
  count: `SELECT count(*) FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.case_id = $1 AND e.reason <> '' AND e.reason_erased_at IS NULL`,
};

export const ERASED_FIELDS = [...NARRATIVES.map((n) => n.field), EVENT_REASONS.field];

@Injectable()
export class RetentionRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /** Closed cases whose closing lies before `cutoff` and that were not erased since that closing. */
  async expiredCases(cutoff: Date): Promise<{ caseId: string; caseCode: string; closedAt: Date }[]> {
    const rows: { id: string; code: string; closed_at: string | Date }[] = await this.tx.manager.query(
      `SELECT c.id, c.code, c.closed_at FROM cases c
        WHERE c.status = 'closed' AND c.closed_at IS NOT NULL AND c.closed_at < $1
          AND NOT EXISTS (SELECT 1 FROM retention_erasures e WHERE e.case_id = c.id AND e.case_closed_at = c.closed_at)
        ORDER BY c.closed_at, c.id`,
      [cutoff],
    );
    return rows.map((r) => ({ caseId: r.id, caseCode: r.code, closedAt: new Date(r.closed_at) }));
  }

  async countNarratives(caseId: string): Promise<ErasedFields> {
    const fields: ErasedFields = {};
    for (const n of [...NARRATIVES, EVENT_REASONS]) {
      const [row] = (await this.tx.manager.query(n.count, [caseId])) as { count: string | number }[];
      fields[n.field] = Number(row.count);
    }
    return fields;
  }

  /** Locks the case row, so a concurrent run (another instance) erases and records it once. */
  async lockClosedCase(caseId: string, closedAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `SELECT c.id FROM cases c WHERE c.id = $1 AND c.closed_at = $2
          AND NOT EXISTS (SELECT 1 FROM retention_erasures e WHERE e.case_id = c.id AND e.case_closed_at = c.closed_at)
        FOR UPDATE OF c`,
      [caseId, closedAt],
    );
    return rows.length > 0;
  }

  /** The narratives of the requests' own tables (the event reasons go through ReasonEraser). */
  async eraseNarratives(caseId: string): Promise<void> {
    for (const n of NARRATIVES) await this.tx.manager.query(n.erase, [caseId]);
  }

  async recordErasure(caseId: string, closedAt: Date, erasedAt: Date, fields: ErasedFields, channel: string): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO retention_erasures (erased_at, case_id, case_closed_at, fields, channel) VALUES ($1, $2, $3, $4::jsonb, $5)`,
      [erasedAt, caseId, closedAt, JSON.stringify(fields), channel],
    );
  }

  async erasures(limit: number): Promise<{ id: string; erasedAt: Date; caseId: string; caseCode: string | null; caseClosedAt: Date; fields: ErasedFields; channel: string }[]> {
    const rows: Record<string, unknown>[] = await this.tx.manager.query(
      `SELECT e.id, e.erased_at, e.case_id, c.code, e.case_closed_at, e.fields, e.channel
         FROM retention_erasures e LEFT JOIN cases c ON c.id = e.case_id ORDER BY e.erased_at DESC, e.id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      erasedAt: new Date(r.erased_at as string),
      caseId: r.case_id as string,
      caseCode: (r.code as string | null) ?? null,
      caseClosedAt: new Date(r.case_closed_at as string),
      fields: (typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields) as ErasedFields,
      channel: r.channel as string,
    }));
  }
}
