import { DomainError, DomainErrorKind } from '../common/domain-error';

export type FundErrorCode = 'FUND.NAME_TAKEN' | 'FUND.JOURNAL_NOT_ALLOWED';

export class FundError extends DomainError {
  constructor(kind: DomainErrorKind, code: FundErrorCode, message: string) {
    super(kind, code, message);
  }
}

export const FundErrors = {
  nameTaken: (name: string) => new FundError('conflict', 'FUND.NAME_TAKEN', `a fund named "${name}" already exists`),
  journalNotAllowed: () => new FundError('forbidden', 'FUND.JOURNAL_NOT_ALLOWED', 'only administrators and budget holders of this fund can read its journal'),
};
