import type { AuthUser } from '../auth/auth.decorators';
import type { FundDto } from '../funds/fund.dto';
import type { RequestDto } from '../requests/request.dto';

/** What the rules read of a request: its list summary is enough. */
export type DecidableRequest = Pick<RequestDto, 'tier' | 'status' | 'approvals' | 'requester'>;
import type { Tier } from '../requests/request.entities';
import { checkApprover, requiredApprovals } from '../requests/tiers';

/** What the decision page and the queue say about one request for one user. */
export interface DecisionState {
  /** approvals the request needs in all (0 within the mandate) */
  needed: number;
  given: number;
  /** i18n key + params of the "1 van 2 akkoorden — wacht op …" line, or null */
  progress: { key: string; params: Record<string, string> } | null;
  canApprove: boolean;
  /** may reject or ask for information (the service's assertDecider rule) */
  canDecide: boolean;
  /** why the user cannot approve, in words about this request (i18n key + params), or null */
  why: { key: string; params: Record<string, string> } | null;
}

const isHolder = (user: AuthUser, fund: Pick<FundDto, 'holders'>): boolean =>
  user.roles.includes('budget_holder') && fund.holders.some((h) => h.id === user.id);

/**
 * The same four-eyes and tier rules the service applies (checkApprover in requests/tiers.ts), read
 * ahead of time so the page offers only what the user may do, and says why when it does not.
 */
export function decisionState(user: AuthUser, r: DecidableRequest, fund: Pick<FundDto, 'holders' | 'name'>): DecisionState {
  const tier = (r.tier ?? 'single') as Tier;
  const needed = r.status === 'submitted' || r.tier ? requiredApprovals(tier) : 0;
  const given = r.approvals.length;
  const holder = isHolder(user, fund);
  const steering = user.roles.includes('steering_group');
  const first = r.approvals[0];
  const progress =
    r.status === 'submitted' && needed === 2 && given === 1
      ? { key: 'decision.progress.second', params: { org: first?.organisationName ?? '' } }
      : null;
  if (r.status !== 'submitted') {
    return { needed, given, progress, canApprove: false, canDecide: false, why: { key: 'decision.why.notOpen', params: {} } };
  }
  const check = checkApprover({
    tier,
    requesterId: r.requester.id,
    given: r.approvals.map((a) => ({ approverId: a.approverId, organisationId: a.organisationId, role: a.role })),
    approver: { userId: user.id, organisationId: user.organisationId, isFundHolder: holder, isSteeringGroup: steering },
  });
  const mine = r.requester.id === user.id;
  const canDecide = !mine && (holder || (steering && tier === 'double' && given === 1));
  if (check.ok) return { needed, given, progress, canApprove: true, canDecide, why: null };
  const whyKey: Record<string, string> = {
    'REQUEST.OWN_REQUEST': 'decision.why.own',
    'REQUEST.ALREADY_APPROVED_BY_YOU': 'decision.why.alreadyYou',
    'REQUEST.ALREADY_APPROVED': 'decision.why.complete',
    'REQUEST.NOT_FUND_HOLDER': steering ? 'decision.why.steeringFirst' : 'decision.why.notHolder',
    'REQUEST.SECOND_APPROVER': 'decision.why.sameOrg',
  };
  return {
    needed,
    given,
    progress,
    canApprove: false,
    canDecide: canDecide && check.code !== 'REQUEST.ALREADY_APPROVED_BY_YOU',
    why: { key: whyKey[check.code] ?? 'decision.why.notOpen', params: { fund: fund.name, org: first?.organisationName ?? '', at: first?.at ?? '' } },
  };
}
