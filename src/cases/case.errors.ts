import { DomainError, DomainErrorKind } from '../common/domain-error';

export type CaseErrorCode = 'CASE.CODE_TAKEN' | 'CASE.CODE_EXHAUSTED' | 'CASE.CLOSED';

export class CaseError extends DomainError {
  constructor(kind: DomainErrorKind, code: CaseErrorCode, message: string, errors: DomainError['errors'] = []) {
    super(kind, code, message, errors);
  }
}

export const CaseErrors = {
  codeTaken: (code?: string) =>
    new CaseError('conflict', 'CASE.CODE_TAKEN', code ? `case code ${code} is already in use` : 'could not allocate a free case code; try again'),
  codeExhausted: () => new CaseError('conflict', 'CASE.CODE_EXHAUSTED', 'no free case code found for this neighbourhood and year; pass a code'),
  closed: (code: string, what: 'submit' | 'new' | 'close') =>
    new CaseError(
      'conflict',
      'CASE.CLOSED',
      what === 'close'
        ? `case ${code} is already closed`
        : what === 'submit'
          ? `case ${code} is closed; its requests can no longer be submitted`
          : `case ${code} is closed; no new requests can be made for it`,
    ),
  notAProfessional: (field: string, userId: string) => DomainError.invalidField(field, `user ${userId} is not an active professional`),
};
