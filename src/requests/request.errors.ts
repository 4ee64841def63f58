import { DomainError, DomainErrorKind } from '../common/domain-error';
import { Dec, formatEuro } from '../common/money';

/** Every code the requests feature answers with; the web's problem-text layer has Dutch for them. */
export type RequestErrorCode =
  | 'REQUEST.ILLEGAL_TRANSITION'
  | 'REQUEST.NOT_REQUESTER'
  | 'REQUEST.OWN_REQUEST'
  | 'REQUEST.ALREADY_APPROVED_BY_YOU'
  | 'REQUEST.ALREADY_APPROVED'
  | 'REQUEST.NOT_FUND_HOLDER'
  | 'REQUEST.SECOND_APPROVER'
  | 'REQUEST.PARTLY_PAID'
  | 'REQUEST.PAY_EXCEEDS_COMMITMENT'
  | 'REQUEST.ABOVE_MANDATE'
  | 'REQUEST.OUTCOME_EXISTS'
  | 'REQUEST.ANONYMISED';

export class RequestError extends DomainError {
  constructor(kind: DomainErrorKind, code: RequestErrorCode, message: string, errors: DomainError['errors'] = []) {
    super(kind, code, message, errors);
  }
}

/** A refusal on one body field: the problem's `errors` point at it. */
const onField = (kind: DomainErrorKind, code: RequestErrorCode, field: string, detail: string, fieldCode: string): RequestError =>
  new RequestError(kind, code, `${field}: ${detail}`, [{ in: 'body', location: `#/${field}`, code: fieldCode, detail }]);

export const RequestErrors = {
  illegalTransition: (status: string, verb: string) => new RequestError('conflict', 'REQUEST.ILLEGAL_TRANSITION', `request is ${status}; cannot ${verb}`),
  notRequester: (verb: string) => new RequestError('forbidden', 'REQUEST.NOT_REQUESTER', `only the requester can ${verb} this request`),
  partlyPaid: () =>
    new RequestError('conflict', 'REQUEST.PARTLY_PAID', 'request has been (partly) paid; cannot withdraw — ask an administrator to cancel the rest'),
  payExceedsCommitment: (amount: Dec, committed: Dec) =>
    new RequestError(
      'conflict',
      'REQUEST.PAY_EXCEEDS_COMMITMENT',
      `amount: ${formatEuro(amount)} is more than what is still committed for this request (${formatEuro(committed)})`,
      [{ in: 'body', location: '#/amount', code: 'PAY_EXCEEDS_COMMITMENT', detail: `at most ${committed.toFixed(2)}` }],
    ),
  aboveMandate: (detail: string) => onField('rule', 'REQUEST.ABOVE_MANDATE', 'amount', detail, 'ABOVE_MANDATE'),
  outcomeExists: (months: number) =>
    new RequestError('conflict', 'REQUEST.OUTCOME_EXISTS', `the follow-up after ${months} months is already recorded for this request`),
  anonymised: () => new RequestError('forbidden', 'REQUEST.ANONYMISED', 'the steering group sees anonymised requests; filtering by case is not available'),
  unknownFund: (fundId: string) => new DomainError('not_found', 'NOT_FOUND', `fundId: fund ${fundId} does not exist`),
};
