import Decimal from 'decimal.js';
import type { EntityManager } from 'typeorm';
import { Dec } from '../common/money';
import type { RowHydrator } from './row-hydrator';

type Row = Record<string, unknown>;

/** What a batch held at one moment (SqlBatch.mark). */
export interface SqlBatchMark {
  inserts: Map<string, number>;
  updates: Map<string, { table: string; id: unknown; set: Row }>;
  increments: Map<string, { table: string; id: unknown; column: string; delta: Decimal }>;
  guards: Map<string, Guard>;
}

interface Guard {
  table: string;
  where: Row;
  set: Row;
  message: string;
}

/**
 * The writes of one workflow step (or of several, see FundCommitQueue), collected in memory and
 * sent as ONE statement of data-modifying CTEs when the step ends: under a fund lock every round
 * trip is time every other step of the fund waits. Rows of one table with the same columns become
 * one multi-row INSERT; the updates of one row are merged into one (PostgreSQL applies at most one
 * modification per row and statement); increments of one row are summed. Foreign keys are checked
 * at the end of the statement, so an event and its outbox row, or an entry and its postings, can
 * be inserted side by side. Parameters are cast to the column types from the entity metadata.
 *
 * Callers must not read, in the same transaction, what a batch still holds: a batch is for steps
 * that read first and write last.
 */
export class SqlBatch {
  private readonly inserts = new Map<string, { table: string; columns: string[]; rows: Row[] }>();
  private readonly updates = new Map<string, { table: string; id: unknown; set: Row }>();
  private readonly increments = new Map<string, { table: string; id: unknown; column: string; delta: Decimal }>();
  private readonly guards = new Map<string, Guard>();

  get empty(): boolean {
    return !this.inserts.size && !this.updates.size && !this.increments.size && !this.guards.size;
  }

  /** INSERT one row (columns by database name). */
  insert(table: string, row: Row): void {
    const columns = Object.keys(row);
    const key = `${table}(${columns.join(',')})`;
    const group = this.inserts.get(key) ?? { table, columns, rows: [] };
    group.rows.push(row);
    this.inserts.set(key, group);
  }

  /** UPDATE the row with this `id`; later values for a column win over earlier ones. */
  update(table: string, id: unknown, set: Row): void {
    const key = `${table}:${String(id)}`;
    if (this.increments.has(key)) throw new Error(`${key} is both updated and incremented in one batch`);
    const current = this.updates.get(key);
    this.updates.set(key, { table, id, set: { ...(current?.set ?? {}), ...set } });
  }

  /** `column = column + delta` on the row with this `id`, summed over the batch. */
  increment(table: string, id: unknown, column: string, delta: Decimal.Value): void {
    const key = `${table}:${String(id)}`;
    if (this.updates.has(key)) throw new Error(`${key} is both updated and incremented in one batch`);
    const current = this.increments.get(key);
    if (current && current.column !== column) throw new Error(`${key}: one incremented column per row`);
    this.increments.set(key, { table, id, column, delta: new Dec(current?.delta ?? 0).plus(delta) });
  }

  /**
   * UPDATE exactly one row matching `where` (all columns equal), or fail the statement's caller
   * with `message`: the chain head moves only from the head the fund had when it was locked.
   * A second guarded update of the same table and where replaces the first.
   */
  guardedUpdate(table: string, where: Row, set: Row, message: string): void {
    this.guards.set(`${table}:${JSON.stringify(where)}`, { table, where, set, message });
  }

  /** What the batch holds now, to go back to with `restore` (a step of a group that failed). */
  mark(): SqlBatchMark {
    return {
      inserts: new Map([...this.inserts].map(([k, g]) => [k, g.rows.length])),
      updates: new Map(this.updates),
      increments: new Map(this.increments),
      guards: new Map(this.guards),
    };
  }

  restore(mark: SqlBatchMark): void {
    for (const [k, g] of [...this.inserts]) {
      const n = mark.inserts.get(k) ?? 0;
      if (n === 0) this.inserts.delete(k);
      else g.rows.length = n;
    }
    for (const [target, source] of [[this.updates, mark.updates], [this.increments, mark.increments], [this.guards, mark.guards]] as const) {
      (target as Map<string, unknown>).clear();
      for (const [k, v] of source as Map<string, unknown>) (target as Map<string, unknown>).set(k, v);
    }
  }

  /** Send everything as one statement (nothing when empty) and start over. */
  async run(manager: EntityManager, types: RowHydrator): Promise<void> {
    if (this.empty) return;
    const params: unknown[] = [];
    const p = (table: string, column: string, value: unknown): string => {
      const type = types.sqlType(table, column);
      params.push(type === 'jsonb' || type === 'json' ? (value === null || value === undefined ? null : JSON.stringify(value)) : Decimal.isDecimal(value) ? (value as Decimal).toFixed() : value);
      return `$${params.length}::${type}`;
    };
    const ctes: string[] = [];
    const counted: { name: string; message: string }[] = [];
    let n = 0;
    for (const g of this.inserts.values()) {
      const values = g.rows.map((r) => `(${g.columns.map((c) => p(g.table, c, r[c])).join(', ')})`).join(', ');
      ctes.push(`w${++n} AS (INSERT INTO ${g.table} (${g.columns.join(', ')}) VALUES ${values})`);
    }
    const byShape = new Map<string, { table: string; columns: string[]; rows: { id: unknown; set: Row }[] }>();
    for (const u of this.updates.values()) {
      const columns = Object.keys(u.set).sort();
      const key = `${u.table}(${columns.join(',')})`;
      const group = byShape.get(key) ?? { table: u.table, columns, rows: [] };
      group.rows.push(u);
      byShape.set(key, group);
    }
    for (const g of byShape.values()) {
      const values = g.rows.map((r) => `(${[p(g.table, 'id', r.id), ...g.columns.map((c) => p(g.table, c, r.set[c]))].join(', ')})`).join(', ');
      ctes.push(
        `w${++n} AS (UPDATE ${g.table} t SET ${g.columns.map((c) => `${c} = v.${c}`).join(', ')}
           FROM (VALUES ${values}) AS v (id, ${g.columns.join(', ')}) WHERE t.id = v.id)`,
      );
    }
    const byColumn = new Map<string, { table: string; column: string; rows: { id: unknown; delta: Decimal }[] }>();
    for (const i of this.increments.values()) {
      const key = `${i.table}.${i.column}`;
      const group = byColumn.get(key) ?? { table: i.table, column: i.column, rows: [] };
      group.rows.push(i);
      byColumn.set(key, group);
    }
    for (const g of byColumn.values()) {
      const values = g.rows.map((r) => `(${p(g.table, 'id', r.id)}, ${p(g.table, g.column, r.delta)})`).join(', ');
      ctes.push(`w${++n} AS (UPDATE ${g.table} t SET ${g.column} = t.${g.column} + v.delta FROM (VALUES ${values}) AS v (id, delta) WHERE t.id = v.id)`);
    }
    for (const g of this.guards.values()) {
      const name = `w${++n}`;
      const set = Object.entries(g.set).map(([c, v]) => `${c} = ${p(g.table, c, v)}`).join(', ');
      const where = Object.entries(g.where).map(([c, v]) => `${c} = ${p(g.table, c, v)}`).join(' AND ');
      ctes.push(`${name} AS (UPDATE ${g.table} SET ${set} WHERE ${where} RETURNING 1)`);
      counted.push({ name, message: g.message });
    }
    const select = counted.length ? counted.map((c, i) => `(SELECT count(*) FROM ${c.name})::int AS c${i}`).join(', ') : '1 AS done';
    this.inserts.clear();
    this.updates.clear();
    this.increments.clear();
    this.guards.clear();
    const rows: Record<string, number>[] = await manager.query(`WITH ${ctes.join(',\n')}\nSELECT ${select}`, params);
    counted.forEach((c, i) => {
      if (rows[0]?.[`c${i}`] !== 1) throw new Error(c.message);
    });
  }
}
