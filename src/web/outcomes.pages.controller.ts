import { PageId, PageIdPipe } from './page-id';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import type { Comparison } from '../cost-comparison/comparison.types';
import { GOAL_REACHED, HAPPENED, OUTCOME_MONTHS, OutcomeDto, RequestDto } from '../requests/request.dto';
import { RequestOutcomesService } from '../requests/request-outcomes.service';
import { RequestQueriesService } from '../requests/request-queries.service';
import { FieldErrors, fieldErrorsOf, FormInvalid, percentToProbability, text, validateForm } from './forms';
import { translate } from './i18n';
import { langOf, renderPage, seeOther, setFlash } from './web-context';

interface OutcomeLineForm {
  costItemKey: string;
  label: string;
  happened: string;
  percent: string;
}

interface OutcomeForm {
  months: string;
  goalReached: string;
  solvedWithoutMoney: boolean;
  note: string;
  lines: OutcomeLineForm[];
}

/** One line per cost item of the route (the outcome must cover exactly those). */
function blankForm(r: RequestDto): OutcomeForm {
  const seen = new Map<string, string>();
  for (const l of (r.comparison as Comparison).lines) if (!seen.has(l.costItemKey)) seen.set(l.costItemKey, l.label);
  return { months: '', goalReached: '', solvedWithoutMoney: false, note: '', lines: [...seen].map(([costItemKey, label]) => ({ costItemKey, label, happened: 'no', percent: '' })) };
}

/** Follow-up after 3, 6 or 12 months: what of the conventional route happened anyway. */
@ApiExcludeController()
@Controller('requests/:id/outcome')
@Roles('professional')
export class OutcomesPagesController {
  constructor(
    private readonly queries: RequestQueriesService,
    private readonly outcomes: RequestOutcomesService,
  ) {}

  @Get()
  async form(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Query('months') months: unknown, @Res() res: Response): Promise<void> {
    const r = await this.queries.get(user, p.id, langOf(res));
    // the dashboard links to the follow-up that is due; anything else leaves the choice open
    const due = typeof months === 'string' && (OUTCOME_MONTHS as readonly number[]).includes(Number(months)) ? months : '';
    this.render(res, r, { ...blankForm(r), months: due }, {});
  }

  @Post()
  async record(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const r = await this.queries.get(user, p.id, langOf(res));
    const raw = (Array.isArray(body.lines) ? body.lines : Object.values((body.lines as object) ?? {})) as Record<string, unknown>[];
    const base = blankForm(r);
    const form: OutcomeForm = {
      months: text(body.months),
      goalReached: text(body.goalReached),
      solvedWithoutMoney: body.solvedWithoutMoney === 'true',
      note: text(body.note),
      lines: base.lines.map((l, i) => ({ ...l, happened: text(raw[i]?.happened) || 'no', percent: text(raw[i]?.percent) })),
    };
    const plain = {
      months: /^\d+$/.test(form.months) ? Number(form.months) : form.months,
      goalReached: form.goalReached,
      solvedWithoutMoney: form.solvedWithoutMoney,
      ...(form.note.trim() ? { note: form.note } : {}),
      lines: form.lines.map((l) => ({ costItemKey: l.costItemKey, happened: l.happened, ...(l.happened === 'partly' ? { fraction: percentToProbability(l.percent) } : {}) })),
    };
    try {
      await this.outcomes.record(user, r.id, await validateForm(OutcomeDto, plain, lang));
    } catch (e) {
      let errors: FieldErrors;
      if (e instanceof FormInvalid) errors = e.errors;
      else if (e instanceof DomainError && (e.kind === 'invalid' || e.kind === 'conflict')) errors = fieldErrorsOf(e, lang);
      else throw e;
      if (!Object.keys(errors).length) errors = { months: (e as Error).message };
      const fixed = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k.replace(/^lines\.(\d+)\.fraction$/, 'lines.$1.percent'), v]));
      return this.render(res, r, form, fixed, 422);
    }
    setFlash(res.req, translate(lang, 'req.outcomeSaved'));
    await seeOther(res, `/requests/${r.id}`);
  }

  private render(res: Response, r: RequestDto, form: OutcomeForm, errors: FieldErrors, status = 200): void {
    const lang = langOf(res);
    renderPage(res, 'requests/outcome', {
      r, form, errors,
      monthOptions: OUTCOME_MONTHS.map((m) => ({ value: String(m), label: translate(lang, 'req.outcome.monthsN', { n: m }) })),
      goalOptions: GOAL_REACHED.map((g) => ({ value: g, label: translate(lang, `req.outcome.goal.${g}`) })),
      happenedOptions: HAPPENED.map((h) => ({ value: h, label: translate(lang, `req.outcome.happened.${h}`) })),
    }, status);
  }
}
