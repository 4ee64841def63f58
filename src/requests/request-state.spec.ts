import { DomainError } from '../common/domain-error';
import { REQUEST_STATUSES, RequestStatus } from './request.entities';
import { RequestAction, TRANSITIONS, assertAllowed, isAllowed, nextStatus } from './request-state';

/** The full table, written out: [from, action, to | null (refused)]. */
const TABLE: [RequestStatus, RequestAction, RequestStatus | null][] = [
  ['draft', 'submit', 'submitted'],
  ['info_requested', 'submit', 'submitted'],
  ['submitted', 'submit', null],
  ['approved', 'submit', null],
  ['submitted', 'approve', 'approved'],
  ['draft', 'approve', null],
  ['info_requested', 'approve', null],
  ['rejected', 'approve', null],
  ['approved', 'approve', null],
  ['submitted', 'reject', 'rejected'],
  ['approved', 'reject', null],
  ['draft', 'reject', null],
  ['submitted', 'request_info', 'info_requested'],
  ['info_requested', 'request_info', null],
  ['draft', 'withdraw', 'withdrawn'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['info_requested', 'withdraw', 'withdrawn'],
  ['approved', 'withdraw', 'withdrawn'],
  ['paid', 'withdraw', null],
  ['evaluated', 'withdraw', null],
  ['rejected', 'withdraw', null],
  ['approved', 'cancel', 'cancelled'],
  ['submitted', 'cancel', null],
  ['paid', 'cancel', null],
  ['approved', 'pay', 'paid'],
  ['submitted', 'pay', null],
  ['paid', 'pay', null],
  ['cancelled', 'pay', null],
  ['paid', 'record_outcome', 'evaluated'],
  ['evaluated', 'record_outcome', 'evaluated'],
  ['approved', 'record_outcome', null],
  ['draft', 'edit', 'draft'],
  ['info_requested', 'edit', 'info_requested'],
  ['submitted', 'edit', null],
  ['approved', 'edit', null],
];

describe('request state machine', () => {
  it.each(TABLE)('from %s, %s leads to %s', (from, action, to) => {
    if (to === null) {
      expect(() => nextStatus(from, action)).toThrow(DomainError);
      expect(isAllowed(from, action)).toBe(false);
    } else {
      expect(nextStatus(from, action)).toBe(to);
      expect(isAllowed(from, action)).toBe(true);
    }
  });

  it('names the current state and the action in the 409', () => {
    let err: unknown;
    try {
      nextStatus('rejected', 'approve');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).kind).toBe('conflict');
    expect((err as DomainError).message).toBe('request is rejected; cannot approve');
  });

  it('says "request information" for request_info', () => {
    expect(() => assertAllowed('approved', 'request_info')).toThrow('request is approved; cannot request information');
  });

  it('lets nothing happen to rejected, withdrawn or cancelled requests', () => {
    for (const status of ['rejected', 'withdrawn', 'cancelled'] as RequestStatus[]) {
      for (const action of Object.keys(TRANSITIONS) as RequestAction[]) expect(isAllowed(status, action)).toBe(false);
    }
  });

  it('only leads to known statuses', () => {
    for (const byFrom of Object.values(TRANSITIONS)) {
      for (const [from, to] of Object.entries(byFrom)) {
        expect(REQUEST_STATUSES).toContain(from);
        expect(REQUEST_STATUSES).toContain(to);
      }
    }
  });
});
