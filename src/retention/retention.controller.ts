import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessLogged } from '../access-log/access-logged.decorator';
import { Roles } from '../auth/auth.decorators';
import { RetentionErasureDto, RetentionRunDto } from './retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@ApiBearerAuth()
@Controller('api/v1/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** Dry run: which cases' narratives the next run would erase, and how many texts per field. Changes nothing (the listing is recorded in the access log). */
  @Get('preview')
  @Roles('admin', 'privacy_officer')
  @AccessLogged('retention.preview', 'none')
  @ApiOkResponse({ type: RetentionRunDto })
  preview(): Promise<RetentionRunDto> {
    return this.retention.run({ dryRun: true, channel: 'api' });
  }

  /** Erase now what the scheduled job would erase (admin). */
  @Post('runs')
  @HttpCode(200)
  @Roles('admin')
  @AccessLogged('retention.run', 'none')
  @ApiOkResponse({ type: RetentionRunDto })
  run(): Promise<RetentionRunDto> {
    return this.retention.run({ dryRun: false, channel: 'api' });
  }

  /** The record of erasures, newest first: which case, when, which fields and how many texts. */
  @Get('erasures')
  @Roles('admin', 'privacy_officer')
  @ApiOkResponse({ type: [RetentionErasureDto] })
  erasures(): Promise<RetentionErasureDto[]> {
    return this.retention.erasures();
  }
}
