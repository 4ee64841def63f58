import { DomainError } from '../common/domain-error';

export type PaymentErrorCode =
  | 'PAYMENT.NOT_PAYABLE'
  | 'PAYMENT.NO_PAYEE_ACCOUNT'
  | 'PAYMENT.ALREADY_IN_BATCH'
  | 'PAYMENT.NOTHING_DUE'
  | 'PAYMENT.BATCH_NOT_OPEN'
  | 'PAYMENT.BATCH_HAS_PAYMENTS'
  | 'PAYMENT.LINE_NOT_OPEN'
  | 'PAYMENT.PAYEE_LOCKED'
  | 'PAYMENT.ABOVE_SEPA_MAXIMUM';

/** Batch and reconciliation errors with stable codes; the global filter maps the kind to the status. */
export class PaymentError extends DomainError {
  constructor(kind: 'conflict' | 'rule' | 'invalid', code: PaymentErrorCode, message: string, field?: string, args: Record<string, string | number> = {}) {
    super(kind, code, message, field ? [{ in: 'body', location: `#/${field.replace(/\./g, '/').replace(/\[(\d+)\]/g, '/$1')}`, code, detail: message }] : [], args);
  }
}

export const PaymentErrors = {
  /** `reason`: status (with `status`), nothing-committed, or above-committed (with `committed` and `amount`) */
  notPayable: (field: string, requestId: string, why: string, args: Record<string, string> = {}) =>
    new PaymentError('conflict', 'PAYMENT.NOT_PAYABLE', `${field}: request ${requestId} ${why}`, field, { requestId, ...args }),
  noPayeeAccount: (field: string, requestId: string) =>
    new PaymentError('rule', 'PAYMENT.NO_PAYEE_ACCOUNT', `${field}: request ${requestId} has no payee IBAN yet; set it with PUT /api/v1/requests/${requestId}/payee-account`, field, { requestId }),
  alreadyInBatch: (field: string, requestId: string, messageId: string) =>
    new PaymentError('conflict', 'PAYMENT.ALREADY_IN_BATCH', `${field}: request ${requestId} is already in payment batch ${messageId}`, field, { requestId, messageId }),
  nothingDue: () => new PaymentError('rule', 'PAYMENT.NOTHING_DUE', 'no approved commitments with a payee IBAN are due for payment'),
  batchNotOpen: (messageId: string, status: string) =>
    new PaymentError('conflict', 'PAYMENT.BATCH_NOT_OPEN', `batch ${messageId} is ${status}; only an open batch can be cancelled or confirmed`, undefined, { messageId, status }),
  batchHasPayments: (messageId: string) =>
    new PaymentError('conflict', 'PAYMENT.BATCH_HAS_PAYMENTS', `batch ${messageId} already has payments booked from a bank statement; it cannot be cancelled`, undefined, { messageId }),
  aboveSepaMaximum: (field: string, requestId: string, amount: string) =>
    new PaymentError('rule', 'PAYMENT.ABOVE_SEPA_MAXIMUM', `${field}: request ${requestId}: ${amount} is more than one SEPA credit transfer can carry (999999999.99); pay it in parts with items[].amount`, field, { requestId, amount }),
  lineNotOpen: (why: string) => new PaymentError('conflict', 'PAYMENT.LINE_NOT_OPEN', why),
  payeeLocked: (requestId: string, status: string) =>
    new PaymentError('conflict', 'PAYMENT.PAYEE_LOCKED', `request ${requestId} is ${status}; its payee account can no longer change`, undefined, { requestId, status }),
};
