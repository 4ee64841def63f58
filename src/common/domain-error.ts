/**
 * What went wrong, in domain terms. The global filter maps the kind to an HTTP status; services
 * never build status codes themselves.
 */
export type DomainErrorKind =
  | 'invalid' // 400: bad input
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: state conflict, overspend, idempotency mismatch
  | 'too_large' // 413: an upload above its limit
  | 'rule' // 422: a business rule refuses a well-formed request
  | 'unavailable'; // 503: the database is gone

export interface FieldProblem {
  /** 'body' | 'query' | 'path' | 'header' */
  in: string;
  /** JSON pointer of the field, e.g. '#/amount' */
  location: string;
  code: string;
  detail: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** stable machine code, e.g. 'LEDGER.INSUFFICIENT_FUNDS' */
    readonly code: string,
    message: string,
    readonly errors: FieldProblem[] = [],
    /**
     * The values in `message` (a line number, an IBAN, a status), for pages that say it in another
     * language; not part of the API's problem details.
     */
    readonly args: Record<string, string | number> = {},
  ) {
    super(message);
  }

  static notFound(what: string, id?: string): DomainError {
    return new DomainError('not_found', 'NOT_FOUND', id ? `${what} ${id} does not exist` : `${what} does not exist`);
  }
  static forbidden(message = 'you are not allowed to do this'): DomainError {
    return new DomainError('forbidden', 'FORBIDDEN', message);
  }
  static conflict(code: string, message: string): DomainError {
    return new DomainError('conflict', code, message);
  }
  /** Bad input on one field: 400 whose detail names the field. */
  static invalidField(field: string, message: string, code = 'INVALID', where = 'body', args: Record<string, string | number> = {}): DomainError {
    return new DomainError('invalid', code, `${field}: ${message}`, [
      { in: where, location: `#/${field.replace(/\./g, '/')}`, code, detail: message },
    ], args);
  }
}

export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rule: 422,
  unavailable: 503,
};
