import { DomainError } from '../common/domain-error';

/**
 * The errors the reports and the export throw, with their stable codes (the codes the API has
 * always sent). Messages are for developers, in English; Dutch for people comes from the web's
 * problem-text layer.
 */
export type ReportErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'INVALID_DATE' | 'PERIOD_REVERSED';

export const ReportErrors = {
  fundNotFound: (fundId: string): DomainError => DomainError.notFound('fund', fundId),
  /** A fund named on the command line that does not exist; lists the funds there are. */
  unknownFundRef: (ref: string, funds: readonly string[]): DomainError =>
    new DomainError(
      'not_found',
      'NOT_FOUND' satisfies ReportErrorCode,
      `no fund "${ref}"; ${funds.length ? `the funds are: ${funds.join(', ')}` : 'there are no funds yet'}`,
    ),
  requestNotFound: (requestId: string): DomainError => DomainError.notFound('request', requestId),
  exportNotAllowed: (): DomainError => DomainError.forbidden('only administrators and budget holders of this fund can export it'),
  justificationAnonymised: (): DomainError =>
    DomainError.forbidden('the justification names the case and the people involved; the steering group reads requests anonymised'),
  invalidDate: (field: 'from' | 'to', value: string, where: string): DomainError =>
    DomainError.invalidField(field, `must be a real date as YYYY-MM-DD (got "${value}")`, 'INVALID_DATE' satisfies ReportErrorCode, where),
  periodReversed: (from: string, where: string): DomainError =>
    DomainError.invalidField('to', `must not be before from (${from})`, 'PERIOD_REVERSED' satisfies ReportErrorCode, where),
};
