import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** Whether a data source talks to the embedded PGlite (through our wire server) rather than a PostgreSQL server. */
const engines = new WeakMap<DataSource, Promise<boolean>>();
const names = new Map<string, string>();

function isPglite(manager: EntityManager): Promise<boolean> {
  let known = engines.get(manager.connection);
  if (!known) {
    // through the same manager: on PGlite a second connection would wait for an open transaction
    known = manager.query('SELECT version() AS v').then((rows: { v: string }[]) => /PGlite/i.test(rows[0]?.v ?? ''));
    known.catch(() => engines.delete(manager.connection));
    engines.set(manager.connection, known);
  }
  return known;
}

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    if (names.size >= 1000) names.clear();
    name = `dbb_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A query that hot read paths run on every request, as a named prepared statement: each `pg`
 * connection parses it once and PostgreSQL keeps its plan (a generic plan after five runs), where
 * an unnamed statement is planned again every time (for the request list that was about half of
 * the database's time). The name is a hash of the text, so every distinct text has its own.
 *
 * On the embedded database every connection shares PGlite's one session, so statement names of
 * two connections would collide: there the query is sent unnamed, as before.
 */
export async function preparedQuery<T>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  if (await isPglite(manager)) return manager.query(text, values);
  // TypeORM hands the query to pg unchanged; pg accepts a query config with a name
  return manager.query({ name: nameOf(text), text } as unknown as string, values);
}
