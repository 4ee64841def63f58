import type { Locale } from '../common/locale';
import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, hasRole, Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { UuidParamDto } from '../common/validation';
import { CreateRequestDto, ReasonDto, RequestDto, RetroactiveRequestDto, UpdateRequestDto } from '../requests/request.dto';
import { RequestDecisionsService } from '../requests/request-decisions.service';
import { RequestDraftsService } from '../requests/request-drafts.service';
import { RequestPaymentsService } from '../requests/request-payments.service';
import { RequestQueriesService } from '../requests/request-queries.service';
import { fieldErrorsOf, FieldErrors, FormInvalid, text, validateForm } from './forms';
import { translate } from './i18n';
import { problemText } from './problem-text';
import {
  emptyRequestForm, remapRouteErrors, RequestForm, requestFormFromBody, requestFormFromDto, RequestFormSupport, requestPlain,
} from './request-form';
import { langOf, renderPage, seeOther, setFlash } from './web-context';

type Mode = 'new' | 'edit' | 'retro';

/**
 * Writing requests: new (with the conventional-route builder and a server-side "Bereken
 * vergelijking"), edit and resubmit after a question, withdraw, and spending registered afterwards.
 * Also the request page every role with sight of the request can open.
 */
@ApiExcludeController()
@Controller('requests')
export class RequestsPagesController {
  constructor(
    private readonly queries: RequestQueriesService,
    private readonly drafts: RequestDraftsService,
    private readonly decisions: RequestDecisionsService,
    private readonly payments: RequestPaymentsService,
    private readonly support: RequestFormSupport,
  ) {}

  @Get('new')
  @Roles('professional')
  async newForm(@CurrentUser() user: AuthUser, @Res() res: Response, @Query('caseId') caseId?: string): Promise<void> {
    await this.form(res, user, 'new', emptyRequestForm(typeof caseId === 'string' ? caseId : ''), {});
  }

  @Post('new')
  @Roles('professional')
  async create(@CurrentUser() user: AuthUser, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const form = requestFormFromBody(body);
    const action = text(body.action);
    if (action === 'calculate') return this.calculate(res, user, 'new', form);
    const lang = langOf(res);
    const { plain, routeIndex } = requestPlain(form);
    let id: string;
    try {
      id = (await this.drafts.create(user, await validateForm(CreateRequestDto, plain, lang))).id;
    } catch (e) {
      return this.formFailed(res, user, 'new', form, e, routeIndex);
    }
    await this.afterSave(res, user, id, action === 'submit');
  }

  @Get('retroactive')
  @Roles('professional')
  async retroForm(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.form(res, user, 'retro', emptyRequestForm(), {});
  }

  @Post('retroactive')
  @Roles('professional')
  async retro(@CurrentUser() user: AuthUser, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const form = requestFormFromBody(body);
    if (text(body.action) === 'calculate') return this.calculate(res, user, 'retro', form);
    const lang = langOf(res);
    const { plain, routeIndex } = requestPlain(form);
    try {
      const { id } = await this.payments.registerRetroactive(user, await validateForm(RetroactiveRequestDto, { ...plain, reference: form.reference }, lang));
      setFlash(res.req, translate(lang, 'req.retro.done'));
      await seeOther(res, `/requests/${id}`);
    } catch (e) {
      return this.formFailed(res, user, 'retro', form, e, routeIndex);
    }
  }

  @Get(':id')
  async show(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Res() res: Response): Promise<void> {
    const r = await this.queries.get(user, p.id, langOf(res));
    const barrierLabels = await this.support.barrierLabels(langOf(res));
    renderPage(res, 'requests/show', { r, can: this.abilities(user, r), errors: {}, barrierLabels });
  }

  @Get(':id/edit')
  @Roles('professional')
  async editForm(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Res() res: Response): Promise<void> {
    const r = await this.editable(user, p.id);
    await this.form(res, user, 'edit', requestFormFromDto(r), {}, null, r);
  }

  @Post(':id/edit')
  @Roles('professional')
  async update(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const r = await this.editable(user, p.id);
    const form = { ...requestFormFromBody(body), caseId: r.caseId ?? '', fundId: r.fundId };
    const action = text(body.action);
    if (action === 'calculate') return this.calculate(res, user, 'edit', form, r);
    const lang = langOf(res);
    const { plain, routeIndex } = requestPlain(form);
    const { caseId: _c, fundId: _f, ...changes } = plain;
    try {
      await this.drafts.update(user, r.id, await validateForm(UpdateRequestDto, changes, lang));
    } catch (e) {
      return this.formFailed(res, user, 'edit', form, e, routeIndex, r);
    }
    await this.afterSave(res, user, r.id, action === 'submit');
  }

  @Post(':id/submit')
  @Roles('professional')
  async submit(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Res() res: Response): Promise<void> {
    await this.afterSave(res, user, p.id, true);
  }

  @Post(':id/withdraw')
  @Roles('professional')
  async withdraw(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const dto = await validateForm(ReasonDto, { reason: text(body.reason).trim() || undefined }, lang).catch(() => ({ reason: undefined }));
    await this.decisions.withdraw(user, p.id, dto.reason);
    setFlash(res.req, translate(lang, 'req.withdrawn'));
    await seeOther(res, `/requests/${p.id}`);
  }

  /** After saving: optionally submit; a refused submit leaves the draft and says why. */
  private async afterSave(res: Response, user: AuthUser, id: string, submit: boolean): Promise<void> {
    const lang = langOf(res);
    if (!submit) {
      setFlash(res.req, translate(lang, 'req.saved'));
      return seeOther(res, `/requests/${id}`);
    }
    try {
      await this.decisions.submit(user, id);
    } catch (e) {
      if (!(e instanceof DomainError) || e.kind === 'forbidden' || e.kind === 'not_found') throw e;
      setFlash(res.req, problemText(e.code, e.message, lang), 'error');
      return seeOther(res, `/requests/${id}`);
    }
    const r = await this.queries.get(user, id, langOf(res));
    setFlash(res.req, translate(lang, r.status === 'approved' ? 'req.submittedWithinMandate' : 'req.submitted'));
    await seeOther(res, `/requests/${id}`);
  }

  private async calculate(res: Response, user: AuthUser, mode: Mode, form: RequestForm, r?: RequestDto): Promise<void> {
    const { comparison, errors } = await this.support.preview(form, langOf(res));
    await this.form(res, user, mode, form, errors, comparison, r, Object.keys(errors).length ? 422 : 200);
  }

  private async formFailed(res: Response, user: AuthUser, mode: Mode, form: RequestForm, e: unknown, routeIndex: number[], r?: RequestDto) {
    const lang = langOf(res);
    let errors: FieldErrors;
    if (e instanceof FormInvalid) errors = e.errors;
    else if (e instanceof DomainError && (e.kind === 'invalid' || e.kind === 'rule' || e.kind === 'not_found' || e.kind === 'conflict')) {
      errors = fieldErrorsOf(e, lang);
      if (!Object.keys(errors).length) errors = { form: e.message };
    } else throw e;
    await this.form(res, user, mode, form, remapRouteErrors(errors, routeIndex, lang), null, r, 422);
  }

  private async form(res: Response, user: AuthUser, mode: Mode, form: RequestForm, errors: FieldErrors, comparison: unknown = null, r?: RequestDto, status = 200) {
    const lang: Locale = langOf(res);
    const options = await this.support.options(user, lang);
    const action = mode === 'new' ? '/requests/new' : mode === 'retro' ? '/requests/retroactive' : `/requests/${r?.id}/edit`;
    renderPage(res, 'requests/form', { mode, form, errors, comparison, r, action, ...options }, status);
  }

  private async editable(user: AuthUser, id: string): Promise<RequestDto> {
    const r = await this.queries.get(user, id);
    if (r.requester.id !== user.id) throw DomainError.forbidden('only the requester can edit this request');
    if (r.status !== 'draft' && r.status !== 'info_requested') throw DomainError.conflict('REQUEST.ILLEGAL_TRANSITION', `request is ${r.status}; cannot edit`);
    return r;
  }

  /** What the request page offers to this user; the services check again on every action. */
  private abilities(user: AuthUser, r: RequestDto) {
    const mine = r.requester.id === user.id;
    return {
      edit: mine && (r.status === 'draft' || r.status === 'info_requested'),
      submit: mine && r.status === 'draft',
      withdraw: mine && ['draft', 'submitted', 'info_requested', 'approved'].includes(r.status) && r.paid === '0.00',
      outcome: mine && (r.status === 'paid' || r.status === 'evaluated'),
      decide: !mine && r.status === 'submitted' && hasRole(user, 'budget_holder', 'steering_group'),
      pay: hasRole(user, 'admin') && r.status === 'approved',
    };
  }
}
