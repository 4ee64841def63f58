import { PageId, PageIdPipe } from './page-id';
import type { Locale } from '../common/locale';
import { AccessLogService } from '../access-log/access-log.service';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { ComparisonSummaryService } from '../cost-comparison/comparison-summary.service';
import { calibrated } from '../cost-comparison/follow-ups';
import { FundsService } from '../funds/funds.service';
import { mapFund } from '../funds/fund.mapper';
import { ApproveDto, QueuedRequest, RejectDto, RequestInfoDto, RequestSummaryDto } from '../requests/request.dto';
import { RequestDecisionsService } from '../requests/request-decisions.service';
import { RequestQueriesService } from '../requests/request-queries.service';
import { formatEuro } from '../common/money';
import { confirmed } from './confirm';
import { decisionState } from './decision-state';
import { FieldErrors, FormInvalid, text, validateForm } from './forms';
import { translate } from './i18n';
import { RequestFormSupport } from './request-form';
import { langOf, renderPage, seeOther, setFlash } from './web-context';

const QUEUE_LIMIT = 100;

/** Most pressing first: past the deadline, then urgent, then the earliest deadline, then the oldest. */
export function queueOrder(now: Date) {
  type Queued = Pick<RequestSummaryDto, 'decisionDue' | 'urgent' | 'createdAt'>;
  const due = (r: Queued) => (r.decisionDue ? Date.parse(r.decisionDue) : Number.MAX_SAFE_INTEGER);
  const rank = (r: Queued) => (r.decisionDue && due(r) < now.getTime() ? 0 : r.urgent ? 1 : 2);
  return (a: Queued, b: Queued) => rank(a) - rank(b) || due(a) - due(b) || a.createdAt.localeCompare(b.createdAt);
}

/**
 * The budget holder's work: the queue of requests awaiting their decision and the decision page
 * (approve, reject with a reason, ask for information). Professionals get a 403 page here.
 */
@ApiExcludeController()
@Controller()
@Roles('budget_holder', 'steering_group')
export class ApprovalsPagesController {
  constructor(
    private readonly queries: RequestQueriesService,
    private readonly decisions: RequestDecisionsService,
    private readonly funds: FundsService,
    private readonly support: RequestFormSupport,
    private readonly clock: Clock,
    private readonly accessLog: AccessLogService,
    private readonly summaries: ComparisonSummaryService,
  ) {}

  @Get('queue')
  @Roles('budget_holder')
  async queue(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    renderPage(res, 'approvals/queue', { requests: await this.todo(user) });
  }

  /** The steering group's list: second approvals it may give. */
  @Get('review')
  @Roles('steering_group')
  async review(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    renderPage(res, 'approvals/review', { requests: await this.todo(user) });
  }

  @Get('approvals/:id')
  async show(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Res() res: Response): Promise<void> {
    await this.page(res, user, p.id, {});
  }

  @Post('approvals/:id/approve')
  async approve(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const dto = await this.valid(res, user, p.id, ApproveDto, { comment: text(body.comment).trim() || undefined }, lang);
    if (!dto) return;
    await this.decisions.approve(user, p.id, dto.comment ?? '');
    const r = await this.queries.get(user, p.id, langOf(res));
    await this.next(res, user, p.id, translate(lang, r.status === 'approved' ? 'req.approved' : 'req.firstApproval'));
  }

  @Post('approvals/:id/reject')
  async reject(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const reason = text(body.reason);
    if (!reason.trim()) return this.page(res, user, p.id, { reason: translate(lang, 'approve.reason.required') }, { reason }, 422);
    const dto = await this.valid(res, user, p.id, RejectDto, { reason }, lang, { reason });
    if (!dto) return;
    const r = await this.queries.get(user, p.id, lang);
    const ok = confirmed(res, body, {
      title: translate(lang, 'confirm.reject.title'),
      question: translate(lang, 'confirm.reject.question', { title: r.title, amount: formatEuro(r.amount, lang) }),
      details: [{ label: translate(lang, 'approve.reason'), value: dto.reason }],
      action: `/approvals/${p.id}/reject`,
      fields: { reason },
      yes: translate(lang, 'confirm.reject.yes'),
      back: `/approvals/${p.id}`,
    });
    if (!ok) return;
    await this.decisions.reject(user, p.id, dto.reason);
    await this.next(res, user, p.id, translate(lang, 'req.rejected'));
  }

  @Post('approvals/:id/request-info')
  async requestInfo(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const question = text(body.question);
    if (!question.trim()) return this.page(res, user, p.id, { question: translate(lang, 'approve.question.required') }, { question }, 422);
    const dto = await this.valid(res, user, p.id, RequestInfoDto, { question }, lang, { question });
    if (!dto) return;
    await this.decisions.requestInfo(user, p.id, dto.question);
    await this.next(res, user, p.id, translate(lang, 'req.infoRequested'));
  }

  @Post('approvals/:id/cancel')
  @Roles('budget_holder')
  async cancel(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const reason = text(body.cancelReason).trim();
    const r = await this.queries.get(user, p.id, lang);
    const ok = confirmed(res, body, {
      title: translate(lang, 'confirm.cancel.title'),
      question: translate(lang, 'confirm.cancel.question', { title: r.title, amount: formatEuro(r.committed, lang) }),
      details: reason ? [{ label: translate(lang, 'confirm.reason'), value: reason }] : [],
      action: `/approvals/${p.id}/cancel`,
      fields: { cancelReason: reason },
      yes: translate(lang, 'confirm.cancel.yes'),
      back: `/approvals/${p.id}`,
    });
    if (!ok) return;
    await this.decisions.cancel(user, p.id, reason);
    setFlash(res.req, translate(lang, 'req.cancelled'));
    await seeOther(res, `/approvals/${p.id}`);
  }

  /** Validate a decision form; on failure the decision page is shown again with the message at the field. */
  private async valid<T extends object>(
    res: Response, user: AuthUser, id: string, dto: new () => T, plain: Record<string, unknown>, lang: Locale, values: Record<string, string> = {},
  ): Promise<T | null> {
    try {
      return await validateForm(dto, plain, lang);
    } catch (e) {
      if (!(e instanceof FormInvalid)) throw e;
      await this.page(res, user, id, e.errors, values, 422);
      return null;
    }
  }

  private async page(res: Response, user: AuthUser, id: string, errors: FieldErrors, values: Record<string, string> = {}, status = 200): Promise<void> {
    const r = await this.queries.get(user, id, langOf(res));
    const fund = mapFund(await this.funds.get(r.fundId));
    const barrierLabels = await this.support.barrierLabels(langOf(res));
    const state = decisionState(user, r, fund);
    await this.accessLog.record({ user, channel: 'web', action: 'request.read', requestId: id });
    const calibration = await this.summaries.calibration();
    const byKey = new Map(calibration.byItem.map((c) => [c.costItemKey, c]));
    const cal = {
      minimumSample: calibration.minimumSample,
      lines: r.comparison.lines.map((l) => {
        const c = byKey.get(l.costItemKey);
        return { sample: c?.sample ?? 0, factor: c?.factor ?? null, calibrated: calibrated(l.expected, c?.factor ?? null) };
      }),
    };
    renderPage(res, 'approvals/show', { r, fund, errors, values, barrierLabels, cal, mine: r.requester.id === user.id, state }, status);
  }

  /**
   * What waits for this user's decision, most pressing first: submitted requests this user may
   * approve now (four-eyes, tiers, second approver), each with its approval progress. For a budget
   * holder the queue; for the steering group the second approvals it may give.
   */
  private async todo(user: AuthUser): Promise<(QueuedRequest & { progress: { key: string; params: Record<string, string> } | null })[]> {
    const queued = await this.queries.awaitingDecision(user, QUEUE_LIMIT);
    // the rules read only the funds' names and holders: one query, no balances
    const funds = await this.funds.namesAndHolders(queued.map((r) => r.fundId));
    const out: (QueuedRequest & { progress: { key: string; params: Record<string, string> } | null })[] = [];
    for (const r of queued) {
      const state = decisionState(user, r, funds.get(r.fundId) ?? { name: r.fundName, holders: [] });
      if (state.canApprove) out.push({ ...r, progress: state.progress });
    }
    return out.sort(queueOrder(this.clock.now()));
  }

  /** After a decision: on to the next request in the user's list, or back to the (empty) list. */
  private async next(res: Response, user: AuthUser, doneId: string, done: string): Promise<void> {
    const lang = langOf(res);
    const list = user.roles.includes('budget_holder') ? '/queue' : '/review';
    const next = (await this.todo(user)).find((r) => r.id !== doneId);
    setFlash(res.req, `${done}. ${translate(lang, next ? 'decision.next' : 'decision.noMore')}`);
    await seeOther(res, next ? `/approvals/${next.id}` : list);
  }
}
