import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { UuidParamDto } from '../common/validation';
import { Idempotent } from '../idempotency/idempotent.decorator';
import {
  ApproveDto, CreateRequestDto, ListRequestsQueryDto, OutcomeDto, PayDto, ReasonDto, RejectDto, RequestDto, RequestInfoDto,
  RequestPageDto, RetroactiveRequestDto, UpdateRequestDto,
} from './request.dto';
import { RequestDecisionsService } from './request-decisions.service';
import { RequestDraftsService } from './request-drafts.service';
import { RequestOutcomesService } from './request-outcomes.service';
import { RequestPaymentsService } from './request-payments.service';
import { RequestQueriesService } from './request-queries.service';

/**
 * Spending requests and their workflow. Every write answers with the request as it is afterwards.
 * Role checks here are the coarse gate; the services check the finer rules (the requester, the
 * fund's budget holders, four-eyes). Requests out of the user's sight answer 404.
 */
@ApiTags('requests')
@ApiBearerAuth()
@Controller('api/v1/requests')
export class RequestsController {
  constructor(
    private readonly queries: RequestQueriesService,
    private readonly drafts: RequestDraftsService,
    private readonly decisions: RequestDecisionsService,
    private readonly payments: RequestPaymentsService,
    private readonly outcomes: RequestOutcomesService,
  ) {}

  @Get()
  @ApiOkResponse({ type: RequestPageDto })
  list(@CurrentUser() user: AuthUser, @Query() query: ListRequestsQueryDto): Promise<RequestPageDto> {
    return this.queries.list(user, query);
  }

  @Post()
  @Roles('professional')
  @ApiCreatedResponse({ type: RequestDto })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateRequestDto): Promise<RequestDto> {
    return this.drafts.create(user, dto);
  }

  @Post('retroactive')
  @Roles('professional')
  @Idempotent()
  @ApiCreatedResponse({ type: RequestDto, description: 'registered, approved, reserved and paid at once (within the mandate)' })
  retroactive(@CurrentUser() user: AuthUser, @Body() dto: RetroactiveRequestDto): Promise<RequestDto> {
    return this.payments.registerRetroactive(user, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: RequestDto })
  get(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto): Promise<RequestDto> {
    return this.queries.get(user, p.id);
  }

  @Patch(':id')
  @Roles('professional')
  @ApiOkResponse({ type: RequestDto })
  update(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: UpdateRequestDto): Promise<RequestDto> {
    return this.drafts.update(user, p.id, dto);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('professional')
  @Idempotent()
  @ApiOkResponse({ type: RequestDto })
  submit(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto): Promise<RequestDto> {
    return this.decisions.submit(user, p.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('budget_holder', 'steering_group')
  @Idempotent()
  @ApiOkResponse({ type: RequestDto })
  approve(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: ApproveDto): Promise<RequestDto> {
    return this.decisions.approve(user, p.id, dto.comment ?? '');
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('budget_holder', 'steering_group')
  @ApiOkResponse({ type: RequestDto })
  reject(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: RejectDto): Promise<RequestDto> {
    return this.decisions.reject(user, p.id, dto.reason);
  }

  @Post(':id/request-info')
  @HttpCode(200)
  @Roles('budget_holder', 'steering_group')
  @ApiOkResponse({ type: RequestDto })
  requestInfo(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: RequestInfoDto): Promise<RequestDto> {
    return this.decisions.requestInfo(user, p.id, dto.question);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('professional')
  @Idempotent()
  @ApiOkResponse({ type: RequestDto })
  withdraw(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: ReasonDto): Promise<RequestDto> {
    return this.decisions.withdraw(user, p.id, dto.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('admin', 'budget_holder')
  @Idempotent()
  @ApiOkResponse({ type: RequestDto })
  cancel(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: ReasonDto): Promise<RequestDto> {
    return this.decisions.cancel(user, p.id, dto.reason);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @Roles('admin')
  @Idempotent()
  @ApiOkResponse({ type: RequestDto })
  pay(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: PayDto): Promise<RequestDto> {
    return this.payments.pay(user, p.id, dto);
  }

  @Post(':id/outcome')
  @Roles('professional')
  @ApiCreatedResponse({ type: RequestDto })
  outcome(@CurrentUser() user: AuthUser, @Param() p: UuidParamDto, @Body() dto: OutcomeDto): Promise<RequestDto> {
    return this.outcomes.record(user, p.id, dto);
  }
}
