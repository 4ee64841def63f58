import type { PersonRow } from '../users/users.repository';
import { moneyString } from '../common/money';
import type { Comparison } from '../cost-comparison/comparison.types';
import { followUpSchedule } from '../cost-comparison/follow-ups';
import type { RealisedComparison } from '../cost-comparison/realised';
import { hoursToDecision, isOverdue } from '../common/dutch-time';
import type { ComparisonTotals } from '../cost-comparison/comparison-totals';
import type {
  ApprovalDto, DuplicateDto, ExistingProvisionDto, HistoryEventDto, OutcomeResponseDto, RequestDto, RequestExpansion, RequestSummaryDto,
} from './request.dto';
import type { SummaryCandidate, SummaryRow } from './request-summaries.repository';
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

/** Money as PostgreSQL writes a numeric(14,2) (exactly two decimals) is already the API's form. */
const money = (text: string): string => (/^-?\d+\.\d{2}$/.test(text) ? text : moneyString(text));

/**
 * A list item from its summary row: the request's state and figures, the comparison's totals (or,
 * with expand=comparison, the full comparison; none for the web's queues); `expand` adds the
 * approvals and the history.
 */
export function mapSummaryRow(
  r: SummaryRow,
  d: { comparison: ComparisonTotals | Comparison | null; duplicates: readonly SummaryCandidate[] },
  now: Date,
  expand: readonly RequestExpansion[],
): Omit<RequestSummaryDto, 'comparison'> & { comparison?: ComparisonTotals | Comparison } {
  const awaiting = AWAITING_DECISION.includes(r.status);
  return {
    id: r.id,
    caseId: r.full ? r.caseId : null,
    caseCode: r.full ? r.caseCode : null,
    fundId: r.fundId,
    fundName: r.fundName,
    requester: { id: r.requesterId, name: r.requesterName, organisationName: r.requesterOrganisation },
    title: r.title,
    amount: money(r.amount),
    payee: r.full ? r.payee : null,
    lifeDomain: r.lifeDomain,
    urgent: r.urgent,
    status: r.status,
    tier: r.tier,
    withinMandate: r.tier === 'requester',
    retroactive: r.retroactive,
    committed: money(r.committedAmount),
    paid: money(r.paidAmount),
    submittedAt: r.submittedAt,
    decisionDue: r.decisionDue,
    overdue: isOverdue(awaiting && r.decisionDue ? new Date(r.decisionDue) : null, awaiting, now),
    decidedAt: r.decidedAt,
    ...(expand.includes('approvals')
      ? {
          approvals: (r.approvals ?? []).map((a): ApprovalDto => ({
            approverId: a.approverId, approverName: a.approverName, organisationId: a.organisationId, organisationName: a.organisationName,
            role: a.role, comment: a.comment, at: a.at,
          })),
        }
      : {}),
    followUps: FOLLOWED_UP.includes(r.status) && r.decidedAt ? followUpSchedule(new Date(r.decidedAt), r.followedUpMonths, now) : [],
    possibleDuplicates: d.duplicates.map((c): DuplicateDto => ({ id: c.id, title: c.title, amount: money(c.amount), status: c.status })),
    ...(d.comparison ? { comparison: d.comparison } : {}),
    ...(expand.includes('history')
      ? {
          history: (r.events ?? []).map((e): HistoryEventDto => ({
            at: e.at, actorId: e.actorId, actorName: e.actorName, actorRole: e.actorRole, from: e.from, to: e.to,
            reason: e.reason, reasonCode: e.reasonCode ?? null, reasonParams: e.reasonParams ?? null, reasonErasedAt: e.reasonErasedAt ?? null,
          })),
        }
      : {}),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
