import type { Locale } from '../../common/locale';
import { Injectable } from '@nestjs/common';
import { historyReason } from '../../requests/history-reason';
import { AuthUser } from '../../auth/auth.decorators';
import { AccessService } from '../../access/access.service';
import { Clock } from '../../common/clock';
import { moneyString } from '../../common/money';
import { CostComparisonService } from '../../cost-comparison/cost-comparison.service';
import type { JustificationData } from '../report-data.types';
import { type FollowUp, followUpSchedule } from '../../cost-comparison/follow-ups';
import { LIFE_DOMAIN_LABELS } from '../../cases/life-domains';
import { PROVISION_REASON_LABELS, ROLE_LABELS } from '../report-data-labels';
import { ReportReferenceData } from '../report-reference-data';
import { ReportErrors } from '../reports.errors';
import { ReportRequestsReadModel } from '../report-requests.read-model';
import { JustificationReadModel } from './justification.read-model';
import { maatwerkCostOf } from '../../cost-comparison/maatwerk-cost';

/**
 * Gathers JustificationData for one request. The justification names the case pseudonym, the
 * requester and the approvers, so only who sees the request in full may have it: its requester,
 * professionals of the case's organisation or team, budget holders of its fund and administrators.
 * The steering group sees requests only anonymised (403); a request out of sight is a 404.
 */
@Injectable()
export class JustificationDataService {
  constructor(
    private readonly access: AccessService,
    private readonly repo: JustificationReadModel,
    private readonly requests: ReportRequestsReadModel,
    private readonly costs: CostComparisonService,
    private readonly reference: ReportReferenceData,
    private readonly clock: Clock,
  ) {}

  async assertMayRead(user: AuthUser, requestId: string): Promise<void> {
    const access = await this.access.requireRequest(user, requestId, 'read');
    if (!access.full) throw ReportErrors.justificationAnonymised();
  }

  /** Call inside the caller's transaction, after assertMayRead. */
  async gather(requestId: string, locale: Locale): Promise<JustificationData> {
    const r = await this.repo.justificationRequest(requestId);
    if (!r) throw ReportErrors.requestNotFound(requestId);
    // One after the other: inside a transaction all queries share one connection.
    const lines = await this.requests.costLines([r.id]);
    const events = await this.repo.events(r.id);
    const approvals = await this.repo.approvals(r.id);
    const payments = await this.repo.payments(r.id);
    const outcomes = await this.repo.outcomes(r.id);
    const decided = [...events].reverse().find((e) => e.toStatus === 'approved');
    const barrierLabels = await this.reference.barrierLabels(locale);
    const routeLines = lines.get(r.id) ?? [];
    const [comparison] = await this.costs.compareMany(
      [{ maatwerkCost: maatwerkCostOf(r), priceYear: r.priceYear, fundId: r.fundId, lines: routeLines }],
      locale,
    );
    const roles = ROLE_LABELS[locale];
    const reasons = PROVISION_REASON_LABELS[locale];
    return {
      generatedAt: this.clock.now(),
      locale,
      request: {
        title: r.title,
        justification: r.justification,
        amount: moneyString(r.amount),
        payee: r.payee,
        lifeDomain: r.lifeDomain,
        urgent: r.urgent,
        barriers: r.barriers ?? [],
        existingProvisions: (r.existingProvisions ?? []).map((p) => {
          const reason = reasons[p.reason] ?? p.reason;
          return { provision: p.provision, reason: p.note ? `${reason}: ${p.note}` : reason };
        }),
        residentWish: r.residentWish,
        caseCode: r.caseCode,
        neighbourhood: r.neighbourhood,
        status: r.status,
        tier: r.tier ?? 'single',
        requesterName: r.requesterName,
        organisationName: r.organisationName,
        fundName: r.fundName,
        submittedAt: r.submittedAt ?? r.createdAt,
        decisionDue: r.decisionDue,
        committedAmount: moneyString(r.committedAmount),
        narrativesErased: r.narrativesErasedAt !== null,
      },
      outcomes: outcomes.map((o) => ({ months: o.months, goalReached: o.goalReached, note: o.note })),
      // the evaluation due: the first 3/6/12-month follow-up not yet recorded, counted from the approval
      nextFollowUp:
        decided && (r.status === 'paid' || r.status === 'evaluated')
          ? nextFollowUp(followUpSchedule(decided.at, outcomes.map((o) => o.months), this.clock.now()))
          : null,
      comparison,
      history: events.map((e) => ({
        at: e.at,
        actorName: e.actorName,
        actorRole: roles[e.actorRole] ?? e.actorRole,
        from: e.fromStatus,
        to: e.toStatus,
        // a coded reason in the report's language (as the web page says it); typed text as typed
        reason: historyReason(e, locale) || null,
        // a coded reason is still said from its code when retention erased a typed comment in it
        reasonErased: e.reasonErasedAt !== null && !e.reasonCode,
      })),
      approvals: approvals.map((a) => ({ at: a.at, approverName: a.approverName, organisationName: a.organisationName, comment: a.comment || null })),
      payments: payments.map((p) => ({ at: p.at, amount: moneyString(p.amount), reference: p.reference })),
      barrierLabels,
      lifeDomainLabels: { ...LIFE_DOMAIN_LABELS[locale] },
      catalogueItems: await this.reference.catalogueItems(routeLines.map((l) => l.costItemId), locale),
      confidenceBands: this.reference.confidenceBands(),
    };
  }
}

/**
 * The evaluation still to come: the first follow-up after the latest recorded one that is not
 * recorded itself. A 3-month follow-up that was skipped is not "next" once the 6-month one is in.
 */
export function nextFollowUp(schedule: readonly FollowUp[]): { months: number; dueDate: string } | null {
  const latest = Math.max(0, ...schedule.filter((f) => f.state === 'recorded').map((f) => f.months));
  const next = schedule.find((f) => f.state !== 'recorded' && f.months > latest);
  return next ? { months: next.months, dueDate: next.dueDate } : null;
}
