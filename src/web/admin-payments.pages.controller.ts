import { PageId, PageIdPipe } from './page-id';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { PayDto } from '../requests/request.dto';
import { RequestDecisionsService } from '../requests/request-decisions.service';
import { RequestPaymentsService } from '../requests/request-payments.service';
import { RequestQueriesService } from '../requests/request-queries.service';
import { formatEuro } from '../common/money';
import { confirmed } from './confirm';
import { FieldErrors, fieldErrorsOf, FormInvalid, moneyInput, text, validateForm } from './forms';
import { translate } from './i18n';
import { problemText } from './problem-text';
import { langOf, renderPage, seeOther, setFlash } from './web-context';

/** Payments: approved requests with money still committed; mark paid with a reference, or cancel. */
@ApiExcludeController()
@Controller('admin/payments')
@Roles('admin')
export class AdminPaymentsPagesController {
  constructor(
    private readonly queries: RequestQueriesService,
    private readonly payments: RequestPaymentsService,
    private readonly decisions: RequestDecisionsService,
  ) {}

  @Get()
  async list(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.page(res, user, null, {});
  }

  @Post(':id/pay')
  async pay(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const form = { reference: text(body.reference), amount: text(body.amount), releaseRemainder: body.releaseRemainder === 'true' };
    const amount = moneyInput(form.amount);
    try {
      const dto = await validateForm(PayDto, { reference: form.reference, ...(amount ? { amount } : {}), releaseRemainder: form.releaseRemainder }, lang);
      await this.payments.pay(user, p.id, dto);
    } catch (e) {
      let errors: FieldErrors;
      if (e instanceof FormInvalid) errors = e.errors;
      else if (e instanceof DomainError && (e.kind === 'invalid' || e.kind === 'conflict')) errors = fieldErrorsOf(e, lang);
      else throw e;
      if (errors.reference) errors.reference = translate(lang, 'admin.pay.reference.required');
      if (!Object.keys(errors).length) errors = { amount: e instanceof DomainError ? problemText(e.code, e.message, lang, e.args) : (e as Error).message };
      // one form per request on this page: the field names carry the request id
      const keyed = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${k}.${p.id}`, v]));
      return this.page(res, user, { id: p.id, ...form }, keyed, 422);
    }
    setFlash(res.req, translate(lang, 'req.paid'));
    await seeOther(res, '/admin/payments');
  }

  @Post(':id/cancel')
  async cancel(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const reason = text(body.reason).trim();
    const r = await this.queries.get(user, p.id, lang);
    const ok = confirmed(res, body, {
      title: translate(lang, 'confirm.payCancel.title'),
      question: translate(lang, 'confirm.payCancel.question', { title: r.title, amount: formatEuro(r.committed, lang) }),
      details: reason ? [{ label: translate(lang, 'confirm.reason'), value: reason }] : [],
      action: `/admin/payments/${p.id}/cancel`,
      fields: { reason },
      yes: translate(lang, 'confirm.cancel.yes'),
      back: '/admin/payments',
    });
    if (!ok) return;
    await this.decisions.cancel(user, p.id, reason);
    setFlash(res.req, translate(lang, 'req.cancelled'));
    await seeOther(res, '/admin/payments');
  }

  private async page(res: Response, user: AuthUser, form: { id: string; reference: string; amount: string; releaseRemainder: boolean } | null, errors: FieldErrors, status = 200) {
    const page = await this.queries.list(user, { status: 'approved', limit: 100 });
    renderPage(res, 'admin/payments', { requests: page.items, form, errors }, status);
  }
}
