import { AuthUser, hasRole } from '../auth/auth.decorators';

/**
 * Who may see which cases and requests, as SQL fragments so that lists filter in the database.
 *
 * - professional: cases of their own organisation and cases they lead or are a member of, and the
 *   requests on those cases (and, always, their own requests);
 * - budget holder: requests on funds they hold (fund_holders), and the cases behind those requests;
 * - steering group: every request, but anonymised (no case code, case id or payee), and no cases;
 * - admin: everything.
 * A user with several roles sees the union. Something that exists but is out of sight answers 404,
 * not 403, so that case and request ids do not leak; an action on something one may see but not
 * do answers 403.
 */
export interface AccessScope {
  userId: string;
  organisationId: string;
  admin: boolean;
  professional: boolean;
  budgetHolder: boolean;
  steeringGroup: boolean;
}

export function scopeOf(user: AuthUser): AccessScope {
  return {
    userId: user.id,
    organisationId: user.organisationId,
    admin: hasRole(user, 'admin'),
    professional: hasRole(user, 'professional'),
    budgetHolder: hasRole(user, 'budget_holder'),
    steeringGroup: hasRole(user, 'steering_group'),
  };
}

/** Parameters used by the fragments below (`:scopeUserId`, `:scopeOrgId`). */
export function scopeParams(scope: AccessScope): Record<string, string> {
  return { scopeUserId: scope.userId, scopeOrgId: scope.organisationId };
}

const ownCase = (caseAlias: string): string =>
  `(${caseAlias}.organisation_id = :scopeOrgId OR ${caseAlias}.lead_professional_id = :scopeUserId OR EXISTS ` +
  `(SELECT 1 FROM case_members cm WHERE cm.case_id = ${caseAlias}.id AND cm.user_id = :scopeUserId))`;

const heldFund = (fundIdExpr: string): string =>
  `EXISTS (SELECT 1 FROM fund_holders fh WHERE fh.fund_id = ${fundIdExpr} AND fh.user_id = :scopeUserId)`;

/** Cases in sight, as a WHERE fragment on the `cases` alias. */
export function caseVisibilitySql(alias: string, scope: AccessScope): string {
  if (scope.admin) return 'TRUE';
  const parts: string[] = [];
  if (scope.professional) parts.push(ownCase(alias));
  if (scope.budgetHolder) {
    parts.push(`EXISTS (SELECT 1 FROM requests vr WHERE vr.case_id = ${alias}.id AND ${heldFund('vr.fund_id')})`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** Requests seen in full (with case and payee), as a boolean SQL expression on the `requests` alias. */
export function requestFullAccessSql(alias: string, scope: AccessScope): string {
  if (scope.admin) return 'TRUE';
  const parts: string[] = [`${alias}.requester_id = :scopeUserId`];
  if (scope.professional) parts.push(`EXISTS (SELECT 1 FROM cases vc WHERE vc.id = ${alias}.case_id AND ${ownCase('vc')})`);
  if (scope.budgetHolder) parts.push(heldFund(`${alias}.fund_id`));
  return `(${parts.join(' OR ')})`;
}

/** Requests in sight at all (in full or anonymised). */
export function requestVisibilitySql(alias: string, scope: AccessScope): string {
  if (scope.admin || scope.steeringGroup) return 'TRUE';
  return requestFullAccessSql(alias, scope);
}
