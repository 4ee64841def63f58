import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { AccessLogged } from '../access-log/access-logged.decorator';
import { UuidParamDto } from '../common/validation';
import { AddCaseMemberDto, CaseDetailDto, CaseListQueryDto, CasePageDto, CreateCaseDto } from './case.dto';
import { CasesService } from './cases.service';

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
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCaseDto): Promise<CaseDetailDto> {
    return this.cases.create(user, dto);
  }

  @Get(':id')
  @Roles('professional', 'budget_holder', 'admin')
  @AccessLogged('case.read', 'case')
  get(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto): Promise<CaseDetailDto> {
    return this.cases.get(user, p.id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('professional', 'admin')
  close(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto): Promise<CaseDetailDto> {
    return this.cases.close(user, p.id);
  }

  @Post(':id/members')
  @HttpCode(200)
  @Roles('professional', 'admin')
  addMember(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: AddCaseMemberDto): Promise<CaseDetailDto> {
    return this.cases.addMember(user, p.id, dto.userId);
  }
}
