import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ApiDownload, download } from '../reports/report-download';
import { AccessLogPageDto, AccessLogQueryDto } from './access-log.dto';
import { AccessLogService } from './access-log.service';

/** The access log for administrators and the privacy officer; newest first. */
@ApiTags('access-log')
@ApiBearerAuth()
@Controller('api/v1/access-log')
@Roles('admin', 'privacy_officer')
export class AccessLogController {
  constructor(private readonly log: AccessLogService) {}

  @Get()
  @ApiOkResponse({ type: AccessLogPageDto })
  list(@Query() q: AccessLogQueryDto): Promise<AccessLogPageDto> {
    return this.log.list(q);
  }

  /** The same filters as a CSV (UTF-8 with BOM, `;`-separated); the export is itself logged. */
  @Get('entries.csv')
  @ApiDownload('text/csv', 'the filtered access log (UTF-8 with BOM, `;`-separated, CRLF, header row)')
  async csv(@CurrentUser() user: AuthUser, @Query() q: AccessLogQueryDto): Promise<StreamableFile> {
    const file = await this.log.csv(user, 'api', q);
    return download(file.csv, 'text/csv; charset=utf-8', file.filename);
  }
}
