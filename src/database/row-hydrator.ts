import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { types } from 'pg';
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Entities from rows of plain SQL, for the few hot paths that read with hand-written statements
 * (a workflow step under its fund lock): the entity's own column metadata decides the mapping and
 * each value goes through TypeORM's per-column conversion and the column's transformer, exactly
 * as a `find` would hydrate it, without the query builder and its result transformer.
 *
 * Rows nested as JSON (`jsonObjectSql`) carry numbers, bigints, dates and timestamps as text, and
 * `fromJson` parses them with pg's own parsers, so a JSON-nested entity equals the one `pg` would
 * have returned as a row.
 */

const TIMESTAMPTZ = types.getTypeParser(1184, 'text') as (v: string) => Date;
const TIMESTAMP = types.getTypeParser(1114, 'text') as (v: string) => Date;

type Kind = 'text-numeric' | 'timestamptz' | 'timestamp' | 'date' | 'plain';

function kindOf(c: ColumnMetadata): Kind {
  const t = typeof c.type === 'string' ? c.type : c.type === Date ? 'timestamp' : c.type === Number ? 'integer' : '';
  if (c.isArray) return 'plain';
  if (['numeric', 'decimal', 'bigint', 'int8'].includes(t)) return 'text-numeric';
  if (['timestamptz', 'timestamp with time zone'].includes(t)) return 'timestamptz';
  if (['timestamp', 'timestamp without time zone', 'datetime'].includes(t)) return 'timestamp';
  if (t === 'date') return 'date';
  return 'plain';
}

@Injectable()
export class RowHydrator {
  private readonly metas = new Map<unknown, EntityMetadata>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  metadata(target: EntityTarget<ObjectLiteral>): EntityMetadata {
    let m = this.metas.get(target);
    if (!m) this.metas.set(target, (m = this.dataSource.getMetadata(target)));
    return m;
  }

  /** An entity from a row whose columns are named `${prefix}${databaseName}` (values as `pg` parsed them). */
  fromRow<T extends ObjectLiteral>(target: EntityTarget<T>, row: Record<string, unknown>, prefix = ''): T {
    const meta = this.metadata(target);
    const entity = meta.create() as T;
    for (const c of meta.columns) {
      const key = prefix + c.databaseName;
      if (!(key in row)) continue;
      (entity as Record<string, unknown>)[c.propertyName] = this.dataSource.driver.prepareHydratedValue(row[key], c);
    }
    return entity;
  }

  /**
   * `json_build_object(...)` of `alias`'s columns of `target`, keyed by column name, with the
   * values whose JSON form would lose precision or format (numeric, bigint, date, timestamps) as text.
   */
  jsonObjectSql(target: EntityTarget<ObjectLiteral>, alias: string, only?: readonly string[]): string {
    const columns = this.metadata(target).columns.filter((c) => !only || only.includes(c.propertyName));
    const parts = columns.map((c) => {
      const col = `${alias}."${c.databaseName}"`;
      return `'${c.databaseName}', ${kindOf(c) === 'plain' ? col : `${col}::text`}`;
    });
    return `json_build_object(${parts.join(', ')})`;
  }

  /** The entity of one object built by `jsonObjectSql`. */
  fromJson<T extends ObjectLiteral>(target: EntityTarget<T>, obj: Record<string, unknown>): T {
    const meta = this.metadata(target);
    const row: Record<string, unknown> = {};
    for (const c of meta.columns) {
      if (!(c.databaseName in obj)) continue;
      const v = obj[c.databaseName];
      if (v === null || v === undefined) {
        row[c.databaseName] = null;
        continue;
      }
      switch (kindOf(c)) {
        case 'timestamptz':
          row[c.databaseName] = TIMESTAMPTZ(v as string);
          break;
        case 'timestamp':
          row[c.databaseName] = TIMESTAMP(v as string);
          break;
        default:
          row[c.databaseName] = v;
      }
    }
    return this.fromRow(target, row);
  }

  /** The SQL type a parameter for this column is cast to (`uuid`, `numeric`, `text[]`, …). */
  sqlType(table: string, column: string): string {
    const meta = this.dataSource.entityMetadatas.find((m) => m.tableName === table);
    const c = meta?.columns.find((x) => x.databaseName === column);
    if (!c) throw new Error(`no column ${table}.${column} in the entity metadata`);
    const t = typeof c.type === 'string' ? c.type : c.type === Date ? 'timestamptz' : c.type === Number ? 'integer' : c.type === Boolean ? 'boolean' : 'text';
    const base = t === 'int' ? 'integer' : t === 'char' ? 'text' : t;
    return c.isArray ? `${base}[]` : base;
  }
}
