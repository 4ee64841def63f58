import Decimal from 'decimal.js';
import { Dec } from '../common/money';
import type { RequestStatus } from './request.entities';

/** Fields that decide whether two requests look like the same expense. */
export interface DuplicateCandidate {
  id: string;
  caseId: string;
  payee: string;
  amount: Decimal;
  status: RequestStatus;
  createdAt: Date;
}

export const DUPLICATE_WINDOW_DAYS = 30;
export const DUPLICATE_AMOUNT_TOLERANCE = new Dec('0.10');
const IGNORED: readonly RequestStatus[] = ['withdrawn', 'rejected'];

export function normalisePayee(payee: string): string {
  return payee.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/**
 * A possible duplicate of `a`: same case, same payee (case-insensitive), amount within 10 % of a's
 * amount, created within 30 days of each other, and not withdrawn or rejected. Only a hint for the
 * approver; it never blocks anything.
 */
export function isPossibleDuplicate(a: DuplicateCandidate, b: DuplicateCandidate): boolean {
  return matches(a, normalisePayee(a.payee), b, normalisePayee(b.payee));
}

function matches(a: DuplicateCandidate, aPayee: string, b: DuplicateCandidate, bPayee: string): boolean {
  if (a.id === b.id || a.caseId !== b.caseId) return false;
  if (IGNORED.includes(b.status)) return false;
  if (aPayee !== bPayee) return false;
  const diff = new Dec(a.amount).minus(b.amount).abs();
  if (diff.gt(new Dec(a.amount).times(DUPLICATE_AMOUNT_TOLERANCE))) return false;
  return Math.abs(a.createdAt.getTime() - b.createdAt.getTime()) <= DUPLICATE_WINDOW_DAYS * 86_400_000;
}

/**
 * The possible duplicates of each request among `candidates`, by the rule of `isPossibleDuplicate`.
 * Candidates are grouped by case and every payee is normalised once: a list page compares each of
 * its requests with every other request of the same people.
 */
export function possibleDuplicates<T extends DuplicateCandidate>(requests: readonly DuplicateCandidate[], candidates: readonly T[]): Map<string, T[]> {
  const byCase = new Map<string, { c: T; payee: string }[]>();
  for (const c of candidates) byCase.set(c.caseId, [...(byCase.get(c.caseId) ?? []), { c, payee: normalisePayee(c.payee) }]);
  const out = new Map<string, T[]>();
  for (const r of requests) {
    const payee = normalisePayee(r.payee);
    out.set(r.id, (byCase.get(r.caseId) ?? []).filter((x) => matches(r, payee, x.c, x.payee)).map((x) => x.c));
  }
  return out;
}
