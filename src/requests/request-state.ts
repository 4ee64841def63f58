import { RequestErrors } from './request.errors';
import type { RequestStatus } from './request.entities';

/**
 * The request workflow, in one place.
 *
 *   draft → submitted → approved → paid → evaluated
 *   submitted ↔ info_requested, submitted → rejected
 *   draft | submitted | info_requested | approved → withdrawn (by the requester, before any payment)
 *   approved → cancelled (admin or budget holder; releases what is committed and unpaid)
 *
 * Services ask this module for the next status; an action that is not allowed from the current
 * status is a 409 that names the current status ("request is rejected; cannot approve").
 * Steps that do not change the status (the first of two approvals, a partial payment, a second
 * follow-up) are checked with {@link assertAllowed} against the same table.
 */
export type RequestAction =
  | 'submit'
  | 'approve'
  | 'reject'
  | 'request_info'
  | 'withdraw'
  | 'cancel'
  | 'pay'
  | 'record_outcome'
  | 'edit';

/** For each action: from which status it is allowed and where it leads (same status = no transition). */
export const TRANSITIONS: Readonly<Record<RequestAction, Partial<Record<RequestStatus, RequestStatus>>>> = {
  submit: { draft: 'submitted', info_requested: 'submitted' },
  approve: { submitted: 'approved' },
  reject: { submitted: 'rejected' },
  request_info: { submitted: 'info_requested' },
  withdraw: { draft: 'withdrawn', submitted: 'withdrawn', info_requested: 'withdrawn', approved: 'withdrawn' },
  cancel: { approved: 'cancelled' },
  pay: { approved: 'paid' },
  record_outcome: { paid: 'evaluated', evaluated: 'evaluated' },
  edit: { draft: 'draft', info_requested: 'info_requested' },
};

const VERBS: Readonly<Record<RequestAction, string>> = {
  submit: 'submit',
  approve: 'approve',
  reject: 'reject',
  request_info: 'request information',
  withdraw: 'withdraw',
  cancel: 'cancel',
  pay: 'pay',
  record_outcome: 'record an outcome',
  edit: 'edit',
};

/** Statuses in which nothing can happen any more. */
export const FINAL_STATUSES: readonly RequestStatus[] = ['rejected', 'withdrawn', 'cancelled'];

/** Statuses in which a decision is still expected from a budget holder (used for "overdue"). */
export const AWAITING_DECISION: readonly RequestStatus[] = ['submitted'];

export function isAllowed(current: RequestStatus, action: RequestAction): boolean {
  return TRANSITIONS[action][current] !== undefined;
}

/** The status after `action`, or a 409 naming the current status. */
export function nextStatus(current: RequestStatus, action: RequestAction): RequestStatus {
  const next = TRANSITIONS[action][current];
  if (next === undefined) {
    throw RequestErrors.illegalTransition(current, VERBS[action]);
  }
  return next;
}

export function assertAllowed(current: RequestStatus, action: RequestAction): void {
  nextStatus(current, action);
}

/**
 * Expenses registered afterwards (spend first, justify after) enter the workflow already approved
 * within the requester's mandate, and are paid in the same transaction.
 */
export const RETROACTIVE_ENTRY_STATUS: RequestStatus = 'approved';
