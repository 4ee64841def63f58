import type { RequestErrorCode } from './request.errors';
import Decimal from 'decimal.js';
import { Dec, formatEuro } from '../common/money';
import type { Tier } from './request.entities';

/** The mandate rules of a fund (fund.requesterMandate, singleApproverLimit, personCapPerYear). */
export interface TierRules {
  requesterMandate: Decimal;
  singleApproverLimit: Decimal;
  personCapPerYear: Decimal;
}

export interface TierInput {
  amount: Decimal;
  /** the requester's personal mandate; null → the fund's requesterMandate */
  personalMandate: Decimal | null;
  rules: TierRules;
  /** committed + paid of the case's other requests in this fund in the current calendar year */
  personYearTotal: Decimal;
}

export interface TierDecision {
  tier: Tier;
  /** why, in Dutch, for the approver and the audit trail */
  reason: string;
  /** true for the 'requester' tier: approved and reserved on submit ("binnen mandaat") */
  withinMandate: boolean;
  /** the mandate that applied */
  mandate: Dec;
  requiredApprovals: number;
  overPersonCap: boolean;
}

const RANK: Readonly<Record<Tier, number>> = { requester: 0, single: 1, double: 2 };
const APPROVALS: Readonly<Record<Tier, number>> = { requester: 0, single: 1, double: 2 };

export function requiredApprovals(tier: Tier): number {
  return APPROVALS[tier];
}

/** The higher of two tiers (a tier never goes down once a request is submitted). */
export function maxTier(a: Tier, b: Tier): Tier {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * Which approval a request needs. The per-person cap comes first: a request that would take the
 * person over the cap of this fund in this calendar year always needs the top tier, whatever its
 * size, because the network agreed that exceptions per person are a decision for two people.
 */
export function decideTier(input: TierInput): TierDecision {
  const amount = new Dec(input.amount);
  const mandate = new Dec(input.personalMandate ?? input.rules.requesterMandate);
  const single = new Dec(input.rules.singleApproverLimit);
  const cap = new Dec(input.rules.personCapPerYear);
  const after = new Dec(input.personYearTotal).plus(amount);
  const base = { mandate, overPersonCap: false };

  if (after.gt(cap)) {
    return {
      ...base,
      tier: 'double',
      overPersonCap: true,
      withinMandate: false,
      requiredApprovals: 2,
      reason:
        `Boven het persoonsplafond van dit fonds: dit jaar al ${formatEuro(input.personYearTotal)} gereserveerd of betaald ` +
        `voor deze casus, met deze aanvraag ${formatEuro(after)}, meer dan het plafond van ${formatEuro(cap)} per jaar; ` +
        'daarom zijn twee akkoorden nodig (twee budgethouders van verschillende organisaties, of een stuurgroeplid als tweede).',
    };
  }
  if (amount.lte(mandate)) {
    return {
      ...base,
      tier: 'requester',
      withinMandate: true,
      requiredApprovals: 0,
      reason: `Binnen mandaat: ${formatEuro(amount)} valt binnen het mandaat van de aanvrager (${formatEuro(mandate)}).`,
    };
  }
  if (amount.lte(single)) {
    return {
      ...base,
      tier: 'single',
      withinMandate: false,
      requiredApprovals: 1,
      reason:
        `${formatEuro(amount)} is meer dan het mandaat van de aanvrager (${formatEuro(mandate)}) en ten hoogste ` +
        `${formatEuro(single)}: één budgethouder beslist.`,
    };
  }
  return {
    ...base,
    tier: 'double',
    withinMandate: false,
    requiredApprovals: 2,
    reason:
      `${formatEuro(amount)} is meer dan ${formatEuro(single)}, de grens voor één budgethouder: twee budgethouders van ` +
      'verschillende organisaties, of een stuurgroeplid als tweede, moeten akkoord geven.',
  };
}

/** One approval already given. */
export interface GivenApproval {
  approverId: string;
  organisationId: string;
  role: string;
}

export interface ApproverFacts {
  userId: string;
  organisationId: string;
  /** holds the request's fund (fund_holders) */
  isFundHolder: boolean;
  isSteeringGroup: boolean;
}

export type ApproverCheck =
  | { ok: true; role: 'budget_holder' | 'steering_group'; completes: boolean }
  | { ok: false; kind: 'forbidden' | 'conflict'; code: RequestErrorCode; message: string };

/**
 * Four-eyes and the tier rules for one more approval. Nobody approves their own request, nobody
 * gives both approvals; the first approval comes from a budget holder of the fund, the second of a
 * 'double' request from a budget holder of another organisation or from a steering-group member.
 */
export function checkApprover(input: {
  tier: Tier;
  requesterId: string;
  given: readonly GivenApproval[];
  approver: ApproverFacts;
}): ApproverCheck {
  const { tier, requesterId, given, approver } = input;
  const needed = requiredApprovals(tier);
  if (approver.userId === requesterId) {
    return { ok: false, kind: 'forbidden', code: 'REQUEST.OWN_REQUEST', message: 'you cannot approve your own request (four-eyes principle)' };
  }
  if (given.some((g) => g.approverId === approver.userId)) {
    return {
      ok: false,
      kind: 'forbidden',
      code: 'REQUEST.ALREADY_APPROVED_BY_YOU',
      message: 'you have already approved this request; the second approval must come from someone else (four-eyes principle)',
    };
  }
  if (given.length >= needed) {
    return { ok: false, kind: 'conflict', code: 'REQUEST.ALREADY_APPROVED', message: 'request already has all the approvals it needs' };
  }
  const completes = given.length + 1 >= needed;
  if (given.length === 0) {
    if (approver.isFundHolder) return { ok: true, role: 'budget_holder', completes };
    return {
      ok: false,
      kind: 'forbidden',
      code: 'REQUEST.NOT_FUND_HOLDER',
      message: 'only a budget holder of this fund can give the first approval',
    };
  }
  const first = given[0];
  if (approver.isFundHolder && approver.organisationId !== first.organisationId) return { ok: true, role: 'budget_holder', completes };
  if (approver.isSteeringGroup) return { ok: true, role: 'steering_group', completes };
  return {
    ok: false,
    kind: 'forbidden',
    code: 'REQUEST.SECOND_APPROVER',
    message: approver.isFundHolder
      ? 'the second approval must come from a budget holder of another organisation than the first, or from a steering-group member'
      : 'only a budget holder of this fund of another organisation, or a steering-group member, can give the second approval',
  };
}
