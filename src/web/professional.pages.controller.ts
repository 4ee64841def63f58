import { PageId, PageIdPipe } from './page-id';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessLogService } from '../access-log/access-log.service';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { LIFE_DOMAINS } from '../cases/life-domains';
import { CreateCaseDto } from '../cases/case.dto';
import { CasesService } from '../cases/cases.service';
import { RequestQueriesService } from '../requests/request-queries.service';
import { asList, FormInvalid, text, validateForm } from './forms';
import { translate } from './i18n';
import { langOf, renderPage, seeOther, setFlash } from './web-context';

/** The professional's own pages: the overview of cases and requests, and cases. */
@ApiExcludeController()
@Controller()
export class ProfessionalPagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly requests: RequestQueriesService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get('dashboard')
  @Roles('professional')
  async dashboard(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const [cases, requests] = await Promise.all([this.cases.list(user, { limit: 100 }), this.requests.list(user, { limit: 100 })]);
    const mine = requests.items.filter((r) => r.requester.id === user.id);
    const myCases = cases.items.filter((c) => c.leadProfessional.id === user.id || c.members.some((m) => m.id === user.id));
    renderPage(res, 'dashboard', {
      cases: myCases.length ? myCases : cases.items,
      requests: mine,
      attention: mine.filter((r) => r.status === 'info_requested' || r.status === 'draft'),
      // follow-ups that have fallen due are work for the requester, overdue ones first
      followUps: mine
        .flatMap((r) => r.followUps.filter((f) => f.state === 'due' || f.state === 'overdue').map((f) => ({ r, f })))
        .sort((a, b) => a.f.dueDate.localeCompare(b.f.dueDate)),
    });
  }

  @Get('cases/new')
  @Roles('professional')
  newCase(@Res() res: Response): void {
    this.caseForm(res, { neighbourhood: '', lifeDomains: [] }, {});
  }

  @Post('cases')
  @Roles('professional')
  async createCase(@CurrentUser() user: AuthUser, @Body() body: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const form = { neighbourhood: text(body.neighbourhood), lifeDomains: asList(body.lifeDomains) };
    try {
      const dto = await validateForm(CreateCaseDto, form, lang);
      const created = await this.cases.create(user, dto);
      setFlash(res.req, translate(lang, 'case.created', { code: created.code }));
      await seeOther(res, `/cases/${created.id}`);
    } catch (e) {
      if (e instanceof FormInvalid) return this.caseForm(res, form, e.errors, 422);
      throw e;
    }
  }

  @Get('cases/:id')
  @Roles('professional', 'budget_holder', 'admin')
  async showCase(@CurrentUser() user: AuthUser, @Param(PageIdPipe) p: PageId, @Res() res: Response): Promise<void> {
    const c = await this.cases.get(user, p.id);
    await this.accessLog.record({ user, channel: 'web', action: 'case.read', caseId: p.id });
    renderPage(res, 'cases/show', { c });
  }

  private caseForm(res: Response, form: { neighbourhood: string; lifeDomains: string[] }, errors: Record<string, string>, status = 200): void {
    const lang = langOf(res);
    renderPage(res, 'cases/new', { form, errors, domainOptions: LIFE_DOMAINS.map((d) => ({ value: d, label: translate(lang, `domain.${d}`) })) }, status);
  }
}
