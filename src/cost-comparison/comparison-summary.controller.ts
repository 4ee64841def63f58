import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { ValidateDate } from '../common/validation';
import { ComparisonSummary, ComparisonSummaryService } from './comparison-summary.service';

export class ComparisonSummaryQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'fundId must be a UUID' }) fundId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID('all', { message: 'caseId must be a UUID' }) caseId?: string;
  @IsOptional() @ValidateDate({ required: false }) from?: string;
  @IsOptional() @ValidateDate({ required: false }) to?: string;
  @ApiPropertyOptional({ enum: ['nl', 'en'] }) @IsOptional() @IsIn(['nl', 'en'], { message: 'lang must be nl or en' }) lang?: 'nl' | 'en';
}

@ApiTags('cost-comparison')
@ApiBearerAuth()
@Controller('api/v1/cost-comparison')
export class ComparisonSummaryController {
  constructor(private readonly summaries: ComparisonSummaryService) {}

  /** Aggregated cost comparison of funded requests (per fund/period, case, life domain, bearer, organisation). */
  @Get('summary')
  @Roles('admin', 'budget_holder', 'steering_group')
  summary(@CurrentUser() user: AuthUser, @Query() q: ComparisonSummaryQueryDto): Promise<ComparisonSummary> {
    return this.summaries.summary(user, q);
  }
}
