import { createHash, randomBytes } from 'node:crypto';
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

/**
 * How a workflow event is chained, per row (request_events.chain_format):
 * - 1: the reason text itself is hashed (events written before format 2). Such a reason can only be
 *   erased with a seal: a later record of the same chain that vouches for the rest of the row.
 * - 2: a salted digest of the reason is hashed instead (reasonDigest, with the salt in the row), so
 *   retention can erase the text and the salt and the chain still recomputes.
 */
export const REQUEST_EVENT_FORMAT = 2;

/** The chained form of a reason: sha256 over the salt and the text (the salt keeps a short text from being guessed once erased). */
export function reasonDigest(salt: string, reason: string): string {
  return sha256Hex(canonicalJson(['request_event.reason', salt, reason]));
}

/** A reason as a format-2 event stores it: the text, a fresh salt and their digest. */
export function chainedReason(reason: string): { reason: string; reasonSalt: string; reasonDigest: string } {
  const reasonSalt = randomBytes(16).toString('hex');
  return { reason, reasonSalt, reasonDigest: reasonDigest(reasonSalt, reason) };
}

interface RequestEventFields {
  requestId: string;
  fundId: string;
  actorId: string;
  actorRole: string;
  fromStatus: string | null;
  toStatus: string;
  createdAt: Date | string;
}

export interface RequestEventContentInput extends RequestEventFields {
  reasonDigest: string;
}

/**
 * What a workflow event (request_events row, format 2) contributes to its fund's chain. The
 * workflow passes exactly this to `OpenFund.chain`, and the verifier rebuilds it from the row; the
 * row's own id is left out so the event can be chained before it is inserted. The reason is in it
 * as its digest only.
 */
export function requestEventChainContent(event: RequestEventContentInput): Record<string, unknown> {
  return { ...eventFields(event), format: REQUEST_EVENT_FORMAT, reasonDigest: event.reasonDigest };
}

export interface LegacyRequestEventContentInput extends RequestEventFields {
  reason: string;
}

/** Format 1 (events chained before format 2): the reason text itself is in the content. */
export function legacyRequestEventChainContent(event: LegacyRequestEventContentInput): Record<string, unknown> {
  return { ...eventFields(event), reason: event.reason };
}

function eventFields(event: RequestEventFields): Record<string, unknown> {
  return {
    type: 'request_event',
    requestId: event.requestId,
    fundId: event.fundId,
    actorId: event.actorId,
    actorRole: event.actorRole,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    createdAt: isoInstant(event.createdAt),
  };
}

/**
 * What a seal vouches for when the reason of a format-1 event is erased: everything the event's hash
 * covered except the reason, with its place in the chain (seq and previous hash).
 */
export function sealedEventDigest(event: RequestEventFields & ChainPlace): string {
  return sha256Hex(canonicalJson({ ...eventFields(event), chainSeq: event.chainSeq, prevHash: event.prevHash }));
}

interface ChainPlace {
  chainSeq: string;
  prevHash: string;
}

export interface ReasonSealContentInput {
  fundId: string;
  eventId: string;
  eventHash: string;
  sealedDigest: string;
  createdAt: Date | string;
}

/**
 * A seal (chain_seals row): appended to the fund's chain when the reason of a format-1 event is
 * erased, after checking that the event still recomputed. It carries the event's hash and the
 * digest of the rest of the event, so the verifier can still tell that nothing but the reason went.
 */
export function reasonSealChainContent(seal: ReasonSealContentInput): Record<string, unknown> {
  return {
    type: 'reason_seal',
    fundId: seal.fundId,
    eventId: seal.eventId,
    eventHash: seal.eventHash,
    sealedDigest: seal.sealedDigest,
    createdAt: isoInstant(seal.createdAt),
  };
}
