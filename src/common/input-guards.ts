import { DomainError } from './domain-error';

/**
 * How deep a JSON body may nest (objects and arrays). Our deepest DTO nests four levels; the limit
 * keeps recursive code (validation, canonical JSON for idempotency) far from the stack's end.
 */
export const MAX_JSON_DEPTH = 64;

/** Thrown from the body parser's `verify` hook: a 400 before the body is parsed at all. */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
  constructor() {
    super(`request body nests deeper than ${MAX_JSON_DEPTH} levels of objects and arrays`);
  }
}

/**
 * Scans raw JSON for nesting depth without parsing it (brackets inside strings do not count).
 * Used as body-parser's `verify` option, which runs on the raw bytes before JSON.parse.
 */
export function assertJsonDepth(raw: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) throw new JsonTooDeepError();
    } else if (c === 0x7d || c === 0x5d) depth -= 1;
  }
}

/**
 * Refuses a NUL byte anywhere in the strings (and keys) of a request value, naming the field:
 * PostgreSQL cannot store U+0000 in text, so it would otherwise surface as a 500.
 */
export function assertNoNul(value: unknown, where: string, name?: string): void {
  const path = findNul(value, [], 0);
  if (path) {
    const field = path.length ? path.join('.') : name ?? where;
    throw DomainError.invalidField(field, 'must not contain a NUL character (U+0000)', 'NUL_CHARACTER', where);
  }
}

function findNul(value: unknown, path: string[], depth: number): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > MAX_JSON_DEPTH) return null;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return [...path, k.replace(/\u0000/g, '\\0')];
    const found = findNul(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}
