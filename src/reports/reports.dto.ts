import type { Locale } from '../common/locale';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { ValidateDate } from '../common/validation';

export const REPORT_LOCALES: readonly Locale[] = ['nl', 'en'];

export class ReportLangQueryDto {
  @ApiPropertyOptional({ enum: REPORT_LOCALES, default: 'nl', description: 'language of the report' })
  @IsOptional()
  @IsIn(REPORT_LOCALES, { message: 'lang must be nl or en' })
  lang?: Locale;
}

/** `?fundId=&from=&to=`: one fund or all funds, and a period of calendar dates (Dutch time). */
export class FundPeriodQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'one fund; omitted: all funds (for a budget holder in the export: the funds they hold)' })
  @IsOptional()
  @IsUUID('all', { message: 'fundId must be a UUID' })
  fundId?: string;

  @IsOptional()
  @ValidateDate({ required: false, description: 'first day, inclusive; default: the start of the (earliest) fund period' })
  from?: string;

  @IsOptional()
  @ValidateDate({ required: false, description: 'last day, inclusive; default: the end of the (latest) fund period' })
  to?: string;
}

export class SteeringReportQueryDto extends FundPeriodQueryDto {
  @ApiPropertyOptional({ enum: REPORT_LOCALES, default: 'nl', description: 'language of the report' })
  @IsOptional()
  @IsIn(REPORT_LOCALES, { message: 'lang must be nl or en' })
  lang?: Locale;
}
