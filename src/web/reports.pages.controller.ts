import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessLogService, describeFilter } from '../access-log/access-log.service';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { DomainError } from '../common/domain-error';
import { FundsService } from '../funds/funds.service';
import { ReportsService } from '../reports/reports.service';
import { SteeringReportQueryDto } from '../reports/reports.dto';
import { FieldErrors, fieldErrorsOf, FormInvalid, text, validateForm } from './forms';
import { langOf, renderPage } from './web-context';

/**
 * The steering group's page: choose a fund and a period, download the PDF. The report itself is
 * anonymised by the reports module (no case codes); this page only collects the choice.
 */
@ApiExcludeController()
@Controller('reports')
@Roles('steering_group', 'budget_holder', 'admin')
export class ReportsPagesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly funds: FundsService,
    private readonly accessLog: AccessLogService,
  ) {}

  @Get()
  async form(@Res() res: Response): Promise<void> {
    await this.page(res, { fundId: '', from: '', to: '' }, {});
  }

  /** Streams the PDF; bad dates show the form again with the message at the field. */
  @Get('steering.pdf')
  async download(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const lang = langOf(res);
    const form = { fundId: text(query.fundId), from: text(query.from).trim(), to: text(query.to).trim() };
    const plain = { ...(form.fundId ? { fundId: form.fundId } : {}), ...(form.from ? { from: form.from } : {}), ...(form.to ? { to: form.to } : {}), lang };
    try {
      const dto = await validateForm(SteeringReportQueryDto, plain, lang);
      if (dto.from && dto.to && dto.to < dto.from) throw DomainError.invalidField('to', 'must not be before from');
      const file = await this.reports.steeringReport(dto);
      await this.accessLog.record({ user, channel: 'web', action: 'export.steering_pdf', detail: describeFilter(plain) });
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '')}"`);
      res.setHeader('Content-Length', String(file.pdf.length));
      res.end(file.pdf);
    } catch (e) {
      const errors = e instanceof FormInvalid ? e.errors : e instanceof DomainError && e.kind === 'invalid' ? fieldErrorsOf(e, lang) : null;
      if (!errors) throw e;
      await this.page(res, form, Object.keys(errors).length ? errors : { from: (e as Error).message }, 422);
    }
  }

  private async page(res: Response, form: Record<string, string>, errors: FieldErrors, status = 200): Promise<void> {
    const funds = (await this.funds.list(200)).items.map((i) => ({ value: i.fund.id, label: i.fund.name }));
    renderPage(res, 'reports/index', { funds, form, errors }, status);
  }
}
