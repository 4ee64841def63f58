import { createHash } from 'node:crypto';
import Decimal from 'decimal.js';
import { moneyString } from '../common/money';

/** prevHash of the first record of every fund's chain (also the default of funds.chain_head). */
export const GENESIS_HASH = '0'.repeat(64);

/** A JSON value as the chain hashes it: plain data only, so nothing hashes differently by accident. */
export type CanonicalValue = null | boolean | number | string | CanonicalValue[] | { [key: string]: CanonicalValue | undefined };

/**
 * Canonical JSON: object keys sorted by code point, no whitespace, `undefined` properties left out
 * (as JSON.stringify does), arrays kept in order. Only plain objects, arrays, strings, booleans,
 * null and finite numbers are accepted; a Decimal, Date or class instance throws, because its JSON
 * form is not ours to choose (money must be turned into a 2-decimal string first).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not a finite number`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    const name = Decimal.isDecimal(value) ? 'Decimal' : ((value as object).constructor?.name ?? 'object');
    throw new TypeError(`canonicalJson: cannot encode a ${name}; convert it to a string first`);
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The hash of one chain record: sha256(prevHash + canonical JSON of the record's content with its
 * chainSeq). The seq is part of the hashed text so that records cannot be reordered unnoticed.
 */
export function chainHash(prevHash: string, chainSeq: string, content: Record<string, unknown>): string {
  return sha256Hex(prevHash + canonicalJson({ ...content, chainSeq }));
}

export interface JournalEntryContentInput {
  id: string;
  fundId: string;
  kind: string;
  effectiveDate: string;
  recordedAt: Date | string;
  actorId: string | null;
  requestId: string | null;
  contributionId: string | null;
  paymentId: string | null;
  reversesEntryId: string | null;
  memo: string;
}

export interface PostingContentInput {
  accountId: string;
  amount: Decimal.Value;
}

const isoInstant = (d: Date | string): string => new Date(d).toISOString();

/**
 * What a journal entry contributes to its fund's chain: every column except the chain columns,
 * plus its postings with amounts as 2-decimal strings, sorted so the database's row order does not matter.
 */
export function journalEntryChainContent(entry: JournalEntryContentInput, postings: PostingContentInput[]): Record<string, unknown> {
  const lines = postings
    .map((p) => ({ accountId: p.accountId, amount: moneyString(p.amount) }))
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : a.amount < b.amount ? -1 : a.amount > b.amount ? 1 : 0));
  return {
    type: 'journal_entry',
    id: entry.id,
    fundId: entry.fundId,
    kind: entry.kind,
    effectiveDate: entry.effectiveDate,
    recordedAt: isoInstant(entry.recordedAt),
    actorId: entry.actorId,
    requestId: entry.requestId,
    contributionId: entry.contributionId,
    paymentId: entry.paymentId,
    reversesEntryId: entry.reversesEntryId,
    memo: entry.memo,
    postings: lines,
  };
}

export interface RequestEventContentInput {
  requestId: string;
  fundId: string;
  actorId: string;
  actorRole: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string;
  createdAt: Date | string;
}

/**
 * What a workflow event (request_events row) contributes to its fund's chain. The workflow passes
 * exactly this to `OpenFund.chain`, and the verifier rebuilds it from the row; the
 * row's own id is left out so the event can be chained before it is inserted.
 */
export function requestEventChainContent(event: RequestEventContentInput): Record<string, unknown> {
  return {
    type: 'request_event',
    requestId: event.requestId,
    fundId: event.fundId,
    actorId: event.actorId,
    actorRole: event.actorRole,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    reason: event.reason,
    createdAt: isoInstant(event.createdAt),
  };
}
