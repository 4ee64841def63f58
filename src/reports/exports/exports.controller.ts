import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../../auth/auth.decorators';
import { ExportsService } from './exports.service';
import { ApiDownload, download } from '../report-download';
import { FundPeriodQueryDto } from '../reports.dto';

const CSV_TYPE = 'text/csv; charset=utf-8';
const CSV = 'UTF-8 with BOM, `;`-separated, CRLF, header row, amounts with a decimal point (`3000.00`)';

/** CSV for the finance department: administrators for every fund, budget holders for the funds they hold. */
@ApiTags('exports')
@ApiBearerAuth()
@Controller('api/v1/exports')
@Roles('admin', 'budget_holder')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** One row per request submitted (or created) in the period. */
  @Get('requests.csv')
  @ApiDownload('text/csv', CSV)
  async requests(@CurrentUser() user: AuthUser, @Query() q: FundPeriodQueryDto): Promise<StreamableFile> {
    const file = await this.exports.requestsCsv(user, q);
    return download(file.csv, CSV_TYPE, file.filename);
  }

  /** One row per posting of the journal entries with an effective date in the period. */
  @Get('ledger-entries.csv')
  @ApiDownload('text/csv', CSV)
  async ledgerEntries(@CurrentUser() user: AuthUser, @Query() q: FundPeriodQueryDto): Promise<StreamableFile> {
    const file = await this.exports.ledgerEntriesCsv(user, q);
    return download(file.csv, CSV_TYPE, file.filename);
  }
}
