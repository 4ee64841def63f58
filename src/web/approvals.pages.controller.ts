import type { Locale } from '../common/locale';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { Clock } from '../common/clock';
import { UuidParamDto } from '../common/validation';
import { ComparisonSummaryService } from '../cost-comparison/comparison-summary.service';
import { calibrated } from '../cost-comparison/follow-ups';
import { FundsService } from '../funds/funds.service';
import { mapFund } from '../funds/fund.mapper';
import { ApproveDto, RejectDto, RequestDto, RequestInfoDto } from '../requests/request.dto';
import { RequestDecisionsService } from '../requests/request-decisions.service';
import { RequestQueriesService } from '../requests/request-queries.service';
import { FieldErrors, FormInvalid, text, validateForm } from './forms';
import { translate } from './i18n';
import { RequestFormSupport } from './request-form';
import { langOf, renderPage, seeOther, setFlash } from './web-context';

const QUEUE_LIMIT = 100;

/** Most pressing first: past the deadline, then urgent, then the earliest deadline, then the oldest. */
export function queueOrder(now: Date) {
  const due = (r: RequestDto) => (r.decisionDue ? Date.parse(r.decisionDue) : Number.MAX_SAFE_INTEGER);
  const rank = (r: RequestDto) => (r.decisionDue && due(r) < now.getTime() ? 0 : r.urgent ? 1 : 2);
  return (a: RequestDto, b: RequestDto) => rank(a) - rank(b) || due(a) - due(b) || a.createdAt.localeCompare(b.createdAt);
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
    private readonly summaries: ComparisonSummaryService,
  ) {}

  @Get('queue')
  @Roles('budget_holder')
  async queue(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const page = await this.queries.list(user, { status: 'submitted', order: 'due', limit: QUEUE_LIMIT });
    // four-eyes: one's own requests are not in one's queue
    const items = page.items.filter((r) => r.requester.id !== user.id).sort(queueOrder(this.clock.now()));
    renderPage(res, 'approvals/queue', { requests: items });
  }

  @Get('approvals/:id')
  async show(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Res() res: Response): Promise<void> {
    await this.page(res, user, p.id, {});
  }

  @Post('approvals/:id/approve')
  async approve(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const dto = await this.valid(res, user, p.id, ApproveDto, { comment: text(body.comment).trim() || undefined }, lang);
    if (!dto) return;
    await this.decisions.approve(user, p.id, dto.comment ?? '');
    const r = await this.queries.get(user, p.id, langOf(res));
    setFlash(res.req, translate(lang, r.status === 'approved' ? 'req.approved' : 'req.firstApproval'));
    await seeOther(res, `/approvals/${p.id}`);
  }

  @Post('approvals/:id/reject')
  async reject(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const reason = text(body.reason);
    if (!reason.trim()) return this.page(res, user, p.id, { reason: translate(lang, 'approve.reason.required') }, { reason }, 422);
    const dto = await this.valid(res, user, p.id, RejectDto, { reason }, lang, { reason });
    if (!dto) return;
    await this.decisions.reject(user, p.id, dto.reason);
    setFlash(res.req, translate(lang, 'req.rejected'));
    await seeOther(res, `/approvals/${p.id}`);
  }

  @Post('approvals/:id/request-info')
  async requestInfo(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const question = text(body.question);
    if (!question.trim()) return this.page(res, user, p.id, { question: translate(lang, 'approve.question.required') }, { question }, 422);
    const dto = await this.valid(res, user, p.id, RequestInfoDto, { question }, lang, { question });
    if (!dto) return;
    await this.decisions.requestInfo(user, p.id, dto.question);
    setFlash(res.req, translate(lang, 'req.infoRequested'));
    await seeOther(res, `/approvals/${p.id}`);
  }

  @Post('approvals/:id/cancel')
  @Roles('budget_holder')
  async cancel(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    await this.decisions.cancel(user, p.id, text(body.cancelReason).trim());
    setFlash(res.req, translate(langOf(res), 'req.cancelled'));
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
    const calibration = await this.summaries.calibration();
    const byKey = new Map(calibration.byItem.map((c) => [c.costItemKey, c]));
    const cal = {
      minimumSample: calibration.minimumSample,
      lines: r.comparison.lines.map((l) => {
        const c = byKey.get(l.costItemKey);
        return { sample: c?.sample ?? 0, factor: c?.factor ?? null, calibrated: calibrated(l.expected, c?.factor ?? null) };
      }),
    };
    renderPage(res, 'approvals/show', { r, fund, errors, values, barrierLabels, cal, mine: r.requester.id === user.id }, status);
  }
}
