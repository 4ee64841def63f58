import { DomainError } from './domain-error';

/**
 * Opaque keyset cursors for `?limit=&cursor=` lists: the sort key of the last item, base64url JSON.
 * A cursor that does not decode is a 400 naming `cursor`.
 */
export function encodeCursor(parts: readonly (string | null)[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, length: number): (string | null)[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === length && parts.every((p) => p === null || typeof p === 'string')) {
      return parts as (string | null)[];
    }
  } catch {
    /* fall through */
  }
  throw DomainError.invalidField('cursor', 'is not a cursor returned by this list; start without one', 'INVALID_CURSOR', 'query');
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
