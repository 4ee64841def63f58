import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { AccessLogged } from '../access-log/access-logged.decorator';
import { UuidParamDto } from '../common/validation';
import { AddCaseMemberDto, CaseDetailDto, CaseListQueryDto, CasePageDto, CreateCaseDto } from './case.dto';
import { CasesService } from './cases.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/v1/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Roles('professional', 'budget_holder', 'admin')
  @ApiOkResponse({ type: CasePageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: CaseListQueryDto): Promise<CasePageDto> {
    return this.cases.list(user, query);
  }

  @Post()
  @Roles('professional')
  @Idempotent()
  @ApiCreatedResponse({ type: CaseDetailDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCaseDto): Promise<CaseDetailDto> {
    return this.cases.create(user, dto);
  }

  @Get(':id')
  @Roles('professional', 'budget_holder', 'admin')
  @ApiOkResponse({ type: CaseDetailDto })
  @AccessLogged('case.read', 'case')
  get(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto): Promise<CaseDetailDto> {
    return this.cases.get(user, p.id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('professional', 'admin')
  @ApiOkResponse({ type: CaseDetailDto })
  close(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto): Promise<CaseDetailDto> {
    return this.cases.close(user, p.id);
  }

  @Post(':id/members')
  @HttpCode(200)
  @Roles('professional', 'admin')
  @ApiOkResponse({ type: CaseDetailDto })
  addMember(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: AddCaseMemberDto): Promise<CaseDetailDto> {
    return this.cases.addMember(user, p.id, dto.userId);
  }
}
