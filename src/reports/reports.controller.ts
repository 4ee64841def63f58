import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { AccessLogged } from '../access-log/access-logged.decorator';
import { UuidParamDto } from '../common/validation';
import { ApiDownload, download } from './report-download';
import { ReportLangQueryDto, SteeringReportQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/v1')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  /** Steering-group report for one fund (or all funds) and a period; anonymised. */
  @Get('reports/steering.pdf')
  @Roles('steering_group', 'budget_holder', 'admin')
  @AccessLogged('export.steering_pdf', 'none')
  @ApiDownload('application/pdf', 'the steering-group report (PDF)')
  async steering(@Query() q: SteeringReportQueryDto): Promise<StreamableFile> {
    const file = await this.reports.steeringReport(q);
    return download(file.pdf, 'application/pdf', file.filename);
  }

  /** One-page justification of a request, for the file; names the case pseudonym and the people involved. */
  @Get('requests/:id/justification.pdf')
  @AccessLogged('justification.pdf', 'request')
  @ApiDownload('application/pdf', 'the one-page justification (PDF)')
  async justification(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Query() q: ReportLangQueryDto): Promise<StreamableFile> {
    const file = await this.reports.justificationReport(user, p.id, q.lang);
    return download(file.pdf, 'application/pdf', file.filename);
  }
}
