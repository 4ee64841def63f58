import { PageId, PageIdPipe } from './page-id';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { Dec } from '../common/money';
import { CreateContributionDto, CreateFundDto, UpdateFundDto, FundDto } from '../funds/fund.dto';
import { mapFund, mapFundSummary } from '../funds/fund.mapper';
import { FundsService } from '../funds/funds.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { UsersService } from '../users/users.service';
import { asList, fieldErrorsOf, FieldErrors, FormInvalid, moneyInput, text, validateForm } from './forms';
import { translate } from './i18n';
import { langOf, renderPage, seeOther, setFlash } from './web-context';

/** (committed + spent) / budget as a fraction string, or null for an empty fund. */
export function spendingRate(f: Pick<FundDto, 'budget' | 'committed' | 'spent'>): string | null {
  const budget = new Dec(f.budget);
  return budget.isZero() ? null : new Dec(f.committed).plus(f.spent).dividedBy(budget).toDecimalPlaces(4).toString();
}

interface FundForm {
  name: string;
  periodStart: string;
  periodEnd: string;
  requesterMandate: string;
  singleApproverLimit: string;
  personCapPerYear: string;
  urgentDecisionHours: string;
  decisionWorkingDays: string;
  holderIds: string[];
}

const EMPTY_FUND: FundForm = {
  name: '', periodStart: '', periodEnd: '', requesterMandate: '250,00', singleApproverLimit: '2500,00', personCapPerYear: '10000,00',
  urgentDecisionHours: '24', decisionWorkingDays: '5', holderIds: [],
};

const int = (s: string): number | string => (/^\d{1,4}$/.test(s.trim()) ? Number(s.trim()) : s);

/** Funds: balances for budget holders, the steering group and admins; set-up and contributions for admins. */
@ApiExcludeController()
@Controller()
export class FundsPagesController {
  constructor(
    private readonly funds: FundsService,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  @Get('funds')
  @Roles('budget_holder', 'steering_group', 'admin')
  async list(@Res() res: Response): Promise<void> {
    const page = await this.funds.list(200);
    const funds = page.items.map((i) => mapFundSummary(i.fund, i.balances)).map((f) => ({ ...f, rate: spendingRate(f) }));
    renderPage(res, 'funds/list', { funds });
  }

  @Get('funds/:id')
  @Roles('budget_holder', 'steering_group', 'admin')
  async show(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Res() res: Response): Promise<void> {
    await this.fundPage(res, user, p.id, { organisationId: '', amount: '', note: '' }, {});
  }

  @Post('funds/:id/contributions')
  @Roles('admin')
  async contribute(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const form = { organisationId: text(body.organisationId), amount: text(body.amount), note: text(body.note) };
    try {
      const dto = await validateForm(CreateContributionDto, { organisationId: form.organisationId, amount: moneyInput(form.amount), ...(form.note.trim() ? { note: form.note } : {}) }, lang);
      await this.funds.contribute(p.id, dto, user.id);
    } catch (e) {
      const errors = e instanceof FormInvalid ? e.errors : e instanceof DomainError && e.kind !== 'not_found' && e.kind !== 'forbidden' ? fieldErrorsOf(e, lang) : null;
      if (!errors) throw e;
      return this.fundPage(res, user, p.id, form, Object.keys(errors).length ? errors : { amount: (e as Error).message }, 422);
    }
    setFlash(res.req, translate(lang, 'admin.contrib.done'));
    await seeOther(res, `/funds/${p.id}`);
  }

  @Get('admin/funds')
  @Roles('admin')
  async adminList(@Res() res: Response): Promise<void> {
    await this.adminPage(res, EMPTY_FUND, {});
  }

  @Post('admin/funds')
  @Roles('admin')
  async create(@CurrentUser() user: AuthUser, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const form: FundForm = {
      name: text(body.name), periodStart: text(body.periodStart), periodEnd: text(body.periodEnd),
      requesterMandate: text(body.requesterMandate), singleApproverLimit: text(body.singleApproverLimit), personCapPerYear: text(body.personCapPerYear),
      urgentDecisionHours: text(body.urgentDecisionHours), decisionWorkingDays: text(body.decisionWorkingDays), holderIds: asList(body.holderIds),
    };
    const plain = {
      name: form.name,
      periodStart: form.periodStart,
      periodEnd: form.periodEnd,
      rules: {
        requesterMandate: moneyInput(form.requesterMandate),
        singleApproverLimit: moneyInput(form.singleApproverLimit),
        personCapPerYear: moneyInput(form.personCapPerYear),
        urgentDecisionHours: int(form.urgentDecisionHours),
        ...(form.decisionWorkingDays.trim() ? { decisionWorkingDays: int(form.decisionWorkingDays) } : {}),
      },
      holderIds: form.holderIds,
    };
    try {
      if (!form.name.trim()) throw new FormInvalid({ name: translate(lang, 'admin.funds.nameRequired') });
      const fund = await this.funds.create(await validateForm(CreateFundDto, plain, lang), user.id);
      setFlash(res.req, translate(lang, 'admin.funds.created'));
      await seeOther(res, `/funds/${fund.fund.id}`);
    } catch (e) {
      const errors = e instanceof FormInvalid ? e.errors : e instanceof DomainError && e.kind !== 'forbidden' ? fieldErrorsOf(e, lang) : null;
      if (!errors) throw e;
      if (e instanceof DomainError && e.code === 'FUND.NAME_TAKEN') errors.name = lang === 'nl' ? 'Er bestaat al een fonds met deze naam' : e.message;
      return this.adminPage(res, form, Object.keys(errors).length ? errors : { name: (e as Error).message }, 422);
    }
  }

  @Get('admin/funds/:id/edit')
  @Roles('admin')
  async editForm(@Param(PageIdPipe) p: PageId, @Res() res: Response): Promise<void> {
    const fund = mapFund(await this.funds.get(p.id));
    const r = fund.rules;
    const comma = (v: string) => v.replace('.', ',');
    await this.editPage(res, fund, {
      requesterMandate: comma(r.requesterMandate), singleApproverLimit: comma(r.singleApproverLimit), personCapPerYear: comma(r.personCapPerYear),
      urgentDecisionHours: String(r.urgentDecisionHours), decisionWorkingDays: String(r.decisionWorkingDays), holderIds: fund.holders.map((h) => h.id),
    }, {});
  }

  @Post('admin/funds/:id/edit')
  @Roles('admin')
  async update(@Param(PageIdPipe) p: PageId, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const form = {
      requesterMandate: text(body.requesterMandate), singleApproverLimit: text(body.singleApproverLimit), personCapPerYear: text(body.personCapPerYear),
      urgentDecisionHours: text(body.urgentDecisionHours), decisionWorkingDays: text(body.decisionWorkingDays), holderIds: asList(body.holderIds),
    };
    const plain = {
      rules: {
        requesterMandate: moneyInput(form.requesterMandate),
        singleApproverLimit: moneyInput(form.singleApproverLimit),
        personCapPerYear: moneyInput(form.personCapPerYear),
        urgentDecisionHours: int(form.urgentDecisionHours),
        ...(form.decisionWorkingDays.trim() ? { decisionWorkingDays: int(form.decisionWorkingDays) } : {}),
      },
      holderIds: form.holderIds,
    };
    try {
      await this.funds.update(p.id, await validateForm(UpdateFundDto, plain, lang));
    } catch (e) {
      const errors = e instanceof FormInvalid ? e.errors : e instanceof DomainError && (e.kind === 'invalid' || e.kind === 'rule') ? fieldErrorsOf(e, lang) : null;
      if (!errors) throw e;
      return this.editPage(res, mapFund(await this.funds.get(p.id)), form, errors, 422);
    }
    setFlash(res.req, translate(lang, 'admin.funds.updated'));
    await seeOther(res, `/funds/${p.id}`);
  }

  private async editPage(res: Response, fund: FundDto, form: Record<string, string | string[]>, errors: FieldErrors, status = 200): Promise<void> {
    const users = await this.users.list();
    const holders = users
      .filter((u) => (u.active && u.roles.includes('budget_holder')) || fund.holders.some((h) => h.id === u.id))
      .map((u) => ({ value: u.id, label: `${u.displayName} (${u.organisation?.name ?? ''})` }));
    renderPage(res, 'admin/fund-edit', { fund, holders, form, errors }, status);
  }

  private async fundPage(res: Response, user: AuthUser, id: string, form: Record<string, string>, errors: FieldErrors, status = 200): Promise<void> {
    const fund = mapFund(await this.funds.get(id));
    const organisations = user.roles.includes('admin') ? (await this.organisations.list()).map((o) => ({ value: o.id, label: o.name })) : [];
    renderPage(res, 'funds/show', { fund, rate: spendingRate(fund), organisations, form, errors }, status);
  }

  private async adminPage(res: Response, form: FundForm, errors: FieldErrors, status = 200): Promise<void> {
    const [page, users] = await Promise.all([this.funds.list(200), this.users.list()]);
    const funds = page.items.map((i) => mapFundSummary(i.fund, i.balances)).map((f) => ({ ...f, rate: spendingRate(f) }));
    const holders = users
      .filter((u) => u.active && u.roles.includes('budget_holder'))
      .map((u) => ({ value: u.id, label: `${u.displayName} (${u.organisation?.name ?? ''})` }));
    renderPage(res, 'admin/funds', { funds, holders, form, errors }, status);
  }
}
