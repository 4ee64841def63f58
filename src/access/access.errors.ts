import { DomainError } from '../common/domain-error';

export type AccessErrorCode = 'ACCESS.FOUR_EYES' | 'ACCESS.NOT_FUND_HOLDER' | 'ACCESS.NOT_LEAD' | 'ACCESS.NO_CASES' | 'ACCESS.NOT_YOUR_CASE';

/** Refusals of the access service: 403 for what one may see but not do, 404 for what one may not see. */
export class AccessError extends DomainError {
  constructor(kind: 'forbidden' | 'not_found', code: AccessErrorCode, message: string) {
    super(kind, code, message);
  }
}

export const AccessErrors = {
  fourEyes: (verb: string) => new AccessError('forbidden', 'ACCESS.FOUR_EYES', `you cannot ${verb} your own request (four-eyes principle)`),
  notFundHolder: (fundName: string, verb: string, alsoAdmin = false) =>
    new AccessError('forbidden', 'ACCESS.NOT_FUND_HOLDER', `only ${alsoAdmin ? 'an administrator or ' : ''}a budget holder of fund "${fundName}" can ${verb} this request`),
  notLead: (code: string, verb: string) => new AccessError('forbidden', 'ACCESS.NOT_LEAD', `only the lead professional of case ${code} or an administrator can ${verb} it`),
  noCases: () => new AccessError('forbidden', 'ACCESS.NO_CASES', 'cases are not available to the steering group; its reports and request lists are anonymised'),
  notYourCase: (caseId: string) => new AccessError('not_found', 'ACCESS.NOT_YOUR_CASE', `caseId: case ${caseId} does not exist or is not one of your cases`),
};
