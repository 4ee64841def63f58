import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthUser, CurrentUser, hasRole, Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { UuidParamDto } from '../common/validation';
import { RequestQueriesService } from '../requests/request-queries.service';
import { FieldErrors, fieldErrorsOf, FormInvalid, text, validateForm, asList } from '../web/forms';
import { translate } from '../web/i18n';
import { hasProblemText, problemText } from '../web/problem-text';
import type { Locale } from '../common/locale';
import { langOf, renderPage, seeOther, setFlash } from '../web/web-context';
import { BatchesService } from './batches.service';
import { CreateBatchDto, PayeeAccountInputDto, ResolveLineDto } from './payment.dto';
import { PayeesService } from './payees.service';
import { STATEMENT_MAX_BYTES, uploadedStatement } from './statement-upload';
import { StatementsService } from './statements.service';

type Form = Record<string, string | string[]>;

/** The form field a problem belongs to: a batch item is the table of due requests. */
const formField = (location: string): string => {
  const field = location.replace(/^#\//, '').replace(/\//g, '.');
  return /^(items|due)(\.|$)/.test(field) ? 'requestIds' : field;
};

/**
 * Field errors of a refused form, in the page's language: Dutch words by error code (see
 * PAYMENT_PROBLEMS) where there are any, the form's field messages otherwise.
 */
function formErrors(e: unknown, lang: Locale, fallbackField: string): FieldErrors {
  if (e instanceof FormInvalid) return e.errors;
  if (!(e instanceof DomainError) || !['invalid', 'conflict', 'rule', 'not_found', 'too_large'].includes(e.kind)) throw e;
  if (lang === 'nl' && hasProblemText(e.code)) {
    const text = problemText(e.code, e.message, lang, e.args);
    const fields = e.errors.length ? e.errors.map((p) => formField(p.location)) : [fallbackField];
    return Object.fromEntries(fields.map((f) => [f, text]));
  }
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(fieldErrorsOf(e, lang))) errors[formField(field)] ??= message;
  return Object.keys(errors).length ? errors : { [fallbackField]: problemText(e.code, e.message, lang, e.args) };
}

const tomorrow = (): string => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** Web pages of SEPA batches, bank statements and the payee account; they share the API's services. */
@ApiExcludeController()
@Controller()
export class PaymentsPagesController {
  constructor(
    private readonly batches: BatchesService,
    private readonly statements: StatementsService,
    private readonly payees: PayeesService,
    private readonly queries: RequestQueriesService,
  ) {}

  @Get('admin/payment-batches')
  @Roles('admin')
  async batchList(@Res() res: Response): Promise<void> {
    await this.batchesPage(res, null, {});
  }

  @Post('admin/payment-batches')
  @Roles('admin')
  async createBatch(@CurrentUser() user: AuthUser, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const selected = asList(body.requestIds);
    const all = body.mode === 'all';
    const form: Form = {
      debtorName: text(body.debtorName).trim(), debtorIban: text(body.debtorIban).trim(), debtorBic: text(body.debtorBic).trim(), executionDate: text(body.executionDate).trim(), requestIds: selected,
    };
    try {
      if (!all && !selected.length) throw new FormInvalid({ requestIds: translate(lang, 'pay.create.none') });
      const dto = await validateForm(CreateBatchDto, {
        debtorName: form.debtorName, debtorIban: form.debtorIban, executionDate: form.executionDate,
        ...(form.debtorBic ? { debtorBic: form.debtorBic } : {}),
        ...(all ? { all: true } : { items: selected.map((requestId) => ({ requestId })) }),
      }, lang);
      const id = await this.batches.create(user, dto);
      const batch = await this.batches.get(id);
      setFlash(res.req, translate(lang, 'pay.created', { ref: batch.messageId }));
      await seeOther(res, `/admin/payment-batches/${id}`);
    } catch (e) {
      await this.batchesPage(res, form, formErrors(e, lang, 'requestIds'), 422);
    }
  }

  @Get('admin/payment-batches/:id')
  @Roles('admin')
  async batch(@Param() p: UuidParamDto, @Res() res: Response): Promise<void> {
    renderPage(res, 'payments/batch', { batch: await this.batches.get(p.id) });
  }

  @Get('admin/payment-batches/:id/download')
  @Roles('admin')
  async download(@Param() p: UuidParamDto, @Res() res: Response): Promise<void> {
    const file = await this.batches.xml(p.id);
    res.setHeader('Content-Type', 'application/xml; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file.messageId.replace(/["\\\r\n]/g, '')}.xml"`);
    res.send(file.xml);
  }

  @Post('admin/payment-batches/:id/cancel')
  @Roles('admin')
  async cancel(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Res() res: Response): Promise<void> {
    await this.step(res, `/admin/payment-batches/${p.id}`, 'pay.batch.cancelled', () => this.batches.cancel(user, p.id));
  }

  @Post('admin/payment-batches/:id/confirm')
  @Roles('admin')
  async confirm(@Param() p: UuidParamDto, @Res() res: Response): Promise<void> {
    await this.step(res, `/admin/payment-batches/${p.id}`, 'pay.batch.confirmed', () => this.batches.confirm(p.id));
  }

  @Get('admin/bank-statements')
  @Roles('admin')
  async statementList(@Res() res: Response): Promise<void> {
    await this.statementsPage(res, '', {});
  }

  /** The statement as an uploaded file (multipart) or as pasted text; a refusal comes back on the page. */
  @Post('admin/bank-statements')
  @Roles('admin')
  async upload(@CurrentUser() user: AuthUser, @Req() req: Request, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const pasted = text(body?.xml);
    let source: 'file' | 'xml' = pasted.trim() ? 'xml' : 'file';
    try {
      const upload = uploadedStatement(req);
      if (upload) source = 'file';
      if (upload && pasted.trim()) throw new FormInvalid({ file: translate(lang, 'pay.upload.both') });
      if (!upload && !pasted.trim()) throw new FormInvalid({ file: translate(lang, 'pay.upload.none') });
      const result = await this.statements.import(user, upload?.xml ?? pasted);
      const s = result.statements[0];
      const key = result.statements.every((x) => x.alreadyImported) ? 'pay.upload.again' : 'pay.upload.done';
      setFlash(res.req, translate(lang, key, { id: s.statementId, booked: s.booked, unmatched: s.unmatched }), key === 'pay.upload.again' ? 'info' : 'ok');
      await seeOther(res, result.statements.length === 1 ? `/admin/bank-statements/${s.id}` : '/admin/bank-statements');
    } catch (e) {
      let errors = formErrors(e, lang, source);
      if (!(e instanceof FormInvalid)) {
        // the refusal is about the statement, wherever it came from: say so at the field it came in
        const detail = errors.xml ?? errors.file ?? Object.values(errors).join(' ');
        errors = { [source]: translate(lang, 'pay.upload.refused', { detail }) };
      }
      const status = e instanceof DomainError && e.kind === 'too_large' ? 413 : 422;
      await this.statementsPage(res, source === 'xml' ? pasted : '', errors, status);
    }
  }

  @Get('admin/bank-statements/:id')
  @Roles('admin')
  async statement(@Param() p: UuidParamDto, @Res() res: Response): Promise<void> {
    renderPage(res, 'payments/statement', { statement: await this.statements.get(p.id) });
  }

  @Post('admin/bank-statement-lines/:id/resolve')
  @Roles('admin')
  async resolve(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    await this.step(res, '/admin/bank-statements', 'pay.open.resolved', async () => {
      if (text(body.note).length > 500) throw new FormInvalid({ note: translate(lang, 'pay.open.note.long') });
      if (!['reopen', 'release', 'dismissed'].includes(text(body.action))) throw new FormInvalid({ action: translate(lang, 'pay.open.action.unknown') });
      const dto = await validateForm(ResolveLineDto, { action: text(body.action), note: text(body.note) }, lang);
      await this.statements.resolve(user, p.id, dto);
    });
  }

  @Get('requests/:id/payee-account')
  @Roles('professional', 'admin')
  async payee(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Res() res: Response): Promise<void> {
    await this.payeePage(res, user, p.id, null, {});
  }

  @Post('requests/:id/payee-account')
  @Roles('professional', 'admin')
  async setPayee(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const form = { name: text(body.name).trim(), iban: text(body.iban).trim() };
    try {
      const dto = await validateForm(PayeeAccountInputDto, form, lang);
      await this.payees.set(user, p.id, dto);
    } catch (e) {
      return this.payeePage(res, user, p.id, form, formErrors(e, lang, 'iban'), 422);
    }
    setFlash(res.req, translate(lang, 'pay.payee.saved'));
    await seeOther(res, hasRole(user, 'admin') ? '/admin/payment-batches' : `/requests/${p.id}`);
  }

  /** A state change from a button: a refusal (409) comes back as a flash on the same page. */
  private async step(res: Response, back: string, done: string, work: () => Promise<void>): Promise<void> {
    const lang = langOf(res);
    try {
      await work();
      setFlash(res.req, translate(lang, done));
    } catch (e) {
      if (e instanceof FormInvalid) setFlash(res.req, Object.values(e.errors).join('; '), 'error');
      else if (e instanceof DomainError && ['conflict', 'invalid', 'rule'].includes(e.kind)) setFlash(res.req, problemText(e.code, e.message, lang, e.args), 'error');
      else throw e;
    }
    await seeOther(res, back);
  }

  private async batchesPage(res: Response, form: Form | null, errors: FieldErrors, status = 200): Promise<void> {
    const [due, list, last] = await Promise.all([this.batches.due(), this.batches.list(50, 0), this.batches.lastDebtor()]);
    const values = form ?? { debtorName: last?.debtorName ?? '', debtorIban: last?.debtorIban ?? '', debtorBic: last?.debtorBic ?? '', executionDate: tomorrow(), requestIds: [] };
    renderPage(res, 'payments/batches', { due, batches: list.items, form: values, errors }, status);
  }

  private async statementsPage(res: Response, xml: string, errors: FieldErrors, status = 200): Promise<void> {
    const [open, list] = await Promise.all([this.statements.openLines(), this.statements.list(50, 0)]);
    renderPage(res, 'payments/statements', { open, statements: list.items, xml, errors, maxMb: STATEMENT_MAX_BYTES / 1024 / 1024 }, status);
  }

  private async payeePage(res: Response, user: AuthUser, id: string, form: { name: string; iban: string } | null, errors: FieldErrors, status = 200): Promise<void> {
    const request = await this.queries.get(user, id);
    const current = await this.payees.find(user, id);
    const values = form ?? { name: current?.name ?? request.payee, iban: '' };
    renderPage(res, 'payments/payee', { subject: request, current, form: values, errors }, status);
  }
}
