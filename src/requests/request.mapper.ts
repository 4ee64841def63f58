import type { PersonRow } from '../users/users.repository';
import { moneyString } from '../common/money';
import type { Comparison } from '../cost-comparison/comparison.types';
import { followUpSchedule } from '../cost-comparison/follow-ups';
import type { RealisedComparison } from '../cost-comparison/realised';
import { hoursToDecision, isOverdue } from '../common/dutch-time';
import type {
  ApprovalDto, ComparisonTotalsDto, DuplicateDto, ExistingProvisionDto, HistoryEventDto, OutcomeResponseDto, RequestDto, RequestExpansion,
  RequestSummaryDto,
} from './request.dto';
import type { RequestApprovalEntity, RequestEntity, RequestEventEntity, RequestOutcomeEntity } from './request.entities';
import { AWAITING_DECISION } from './request-state';

/** Everything a request view needs, loaded in batches by RequestQueriesService. */
export interface RequestViewData {
  request: RequestEntity;
  /** false: anonymised (steering group) — no case id, case code or payee */
  full: boolean;
  caseCode: string | null;
  fundName: string;
  people: Map<string, PersonRow>;
  approvals: RequestApprovalEntity[];
  duplicates: RequestEntity[];
  comparison: Comparison;
  events: RequestEventEntity[];
  outcomes: { outcome: RequestOutcomeEntity; realised: RealisedComparison }[];
}

/** What a list item needs; events only when the history is expanded. */
export type RequestSummaryData = Pick<RequestViewData, 'request' | 'full' | 'caseCode' | 'fundName' | 'people' | 'approvals' | 'duplicates' | 'comparison' | 'events'> & {
  /** months of the follow-ups already recorded */
  followedUpMonths: number[];
};

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function mapApproval(a: RequestApprovalEntity, people: Map<string, PersonRow>): ApprovalDto {
  const p = people.get(a.approverId);
  return { approverId: a.approverId, approverName: p?.name ?? '', organisationId: a.organisationId, organisationName: p?.organisationName ?? '', role: a.approverRole, comment: a.comment, at: a.createdAt.toISOString() };
}

export function mapEvent(e: RequestEventEntity, people: Map<string, PersonRow>): HistoryEventDto {
  return {
    at: e.createdAt.toISOString(),
    actorId: e.actorId,
    actorName: people.get(e.actorId)?.name ?? '',
    actorRole: e.actorRole,
    from: e.fromStatus,
    to: e.toStatus,
    reason: e.reason,
    reasonCode: e.reasonCode ?? null,
    reasonParams: e.reasonParams ?? null,
    reasonErasedAt: e.reasonErasedAt ? e.reasonErasedAt.toISOString() : null,
  };
}

export function mapDuplicate(r: RequestEntity): DuplicateDto {
  return { id: r.id, title: r.title, amount: moneyString(r.amount), status: r.status };
}

export function mapOutcome(o: RequestOutcomeEntity, realised: RealisedComparison): OutcomeResponseDto {
  return {
    id: o.id,
    months: o.months,
    goalReached: o.goalReached,
    solvedWithoutMoney: o.solvedWithoutMoney,
    lines: o.lines,
    note: o.note,
    recordedBy: o.recordedBy,
    createdAt: o.createdAt.toISOString(),
    realised,
  };
}

/** Statuses whose follow-ups are work for the requester: the money has reached the person. */
const FOLLOWED_UP: readonly string[] = ['paid', 'evaluated'];

export function mapRequest(d: RequestViewData, now: Date): RequestDto {
  const r = d.request;
  const requester = d.people.get(r.requesterId);
  return {
    id: r.id,
    caseId: d.full ? r.caseId : null,
    caseCode: d.full ? d.caseCode : null,
    fundId: r.fundId,
    fundName: d.fundName,
    requester: { id: r.requesterId, name: requester?.name ?? '', organisationName: requester?.organisationName ?? '' },
    title: r.title,
    justification: r.justification,
    amount: moneyString(r.amount),
    payee: d.full ? r.payee : null,
    lifeDomain: r.lifeDomain,
    urgent: r.urgent,
    barriers: r.barriers,
    existingProvisions: r.existingProvisions.map((p) => ({ provision: p.provision, reason: p.reason as ExistingProvisionDto['reason'], ...(p.note ? { note: p.note } : {}) })),
    residentWish: r.residentWish,
    status: r.status,
    tier: r.tier,
    tierReason: r.tierReason,
    withinMandate: r.tier === 'requester',
    retroactive: r.retroactive,
    committed: moneyString(r.committedAmount),
    paid: moneyString(r.paidAmount),
    submittedAt: iso(r.submittedAt),
    decisionDue: iso(r.decisionDue),
    overdue: isOverdue(r.decisionDue, AWAITING_DECISION.includes(r.status), now),
    decidedAt: iso(r.decidedAt),
    hoursToDecision: hoursToDecision(r.firstSubmittedAt ?? r.submittedAt, r.decidedAt),
    approvals: d.approvals.map((a) => mapApproval(a, d.people)),
    possibleDuplicates: d.duplicates.map(mapDuplicate),
    comparison: d.comparison,
    history: d.events.map((e) => mapEvent(e, d.people)),
    outcomes: d.outcomes.map((o) => mapOutcome(o.outcome, o.realised)),
    followUps: FOLLOWED_UP.includes(r.status) && r.decidedAt ? followUpSchedule(r.decidedAt, d.outcomes.map((o) => o.outcome.months), now) : [],
    infoQuestion: r.infoQuestion,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The totals of a comparison, without its lines (list items). */
export function comparisonTotals(c: Comparison): ComparisonTotalsDto {
  return { priceYear: c.priceYear, maatwerkCost: c.maatwerkCost, avoidedCost: c.avoidedCost, netBenefit: c.netBenefit, ratio: c.ratio };
}

/** A list item: the request's state and figures, the comparison's totals; `expand` adds the full comparison and the history. */
export function mapRequestSummary(d: RequestSummaryData, now: Date, expand: readonly RequestExpansion[] = []): RequestSummaryDto {
  const r = d.request;
  const requester = d.people.get(r.requesterId);
  return {
    id: r.id,
    caseId: d.full ? r.caseId : null,
    caseCode: d.full ? d.caseCode : null,
    fundId: r.fundId,
    fundName: d.fundName,
    requester: { id: r.requesterId, name: requester?.name ?? '', organisationName: requester?.organisationName ?? '' },
    title: r.title,
    amount: moneyString(r.amount),
    payee: d.full ? r.payee : null,
    lifeDomain: r.lifeDomain,
    urgent: r.urgent,
    status: r.status,
    tier: r.tier,
    withinMandate: r.tier === 'requester',
    retroactive: r.retroactive,
    committed: moneyString(r.committedAmount),
    paid: moneyString(r.paidAmount),
    submittedAt: iso(r.submittedAt),
    decisionDue: iso(r.decisionDue),
    overdue: isOverdue(r.decisionDue, AWAITING_DECISION.includes(r.status), now),
    decidedAt: iso(r.decidedAt),
    ...(expand.includes('approvals') ? { approvals: d.approvals.map((a) => mapApproval(a, d.people)) } : {}),
    followUps: FOLLOWED_UP.includes(r.status) && r.decidedAt ? followUpSchedule(r.decidedAt, d.followedUpMonths, now) : [],
    possibleDuplicates: d.duplicates.map(mapDuplicate),
    comparison: expand.includes('comparison') ? d.comparison : comparisonTotals(d.comparison),
    ...(expand.includes('history') ? { history: d.events.map((e) => mapEvent(e, d.people)) } : {}),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
