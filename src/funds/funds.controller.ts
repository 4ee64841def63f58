import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { UuidParamDto } from '../common/validation';
import { Idempotent } from '../idempotency/idempotent.decorator';
import {
  ContributionResponseDto, CreateContributionDto, CreateFundDto, CreateTransferDto, FundDto, FundPageDto, JournalEntryPageDto,
  ListEntriesQueryDto, ListFundsQueryDto, TransferResponseDto,
} from './fund.dto';
import { mapContributionResponse, mapEntryPage, mapFund, mapFundPage, mapTransfer } from './fund.mapper';
import { FundsService } from './funds.service';

@ApiTags('funds')
@ApiBearerAuth()
@Controller('api/v1/funds')
export class FundsController {
  constructor(private readonly funds: FundsService) {}

  @Get()
  @ApiOkResponse({ type: FundPageDto })
  async list(@Query() q: ListFundsQueryDto): Promise<FundPageDto> {
    return mapFundPage(await this.funds.list(q.limit, q.cursor));
  }

  @Post()
  @Roles('admin')
  @Idempotent()
  @ApiCreatedResponse({ type: FundDto })
  async create(@Body() dto: CreateFundDto, @CurrentUser() user: AuthUser): Promise<FundDto> {
    return mapFund(await this.funds.create(dto, user.id));
  }

  @Get(':id')
  @ApiOkResponse({ type: FundDto })
  async get(@Param() p: UuidParamDto): Promise<FundDto> {
    return mapFund(await this.funds.get(p.id));
  }

  @Post(':id/contributions')
  @Roles('admin')
  @Idempotent()
  @ApiCreatedResponse({ type: ContributionResponseDto })
  async contribute(@Param() p: UuidParamDto, @Body() dto: CreateContributionDto, @CurrentUser() user: AuthUser): Promise<ContributionResponseDto> {
    return mapContributionResponse(await this.funds.contribute(p.id, dto, user.id));
  }

  @Post(':id/transfers')
  @Roles('admin')
  @Idempotent()
  @ApiCreatedResponse({ type: TransferResponseDto })
  async transfer(@Param() p: UuidParamDto, @Body() dto: CreateTransferDto, @CurrentUser() user: AuthUser): Promise<TransferResponseDto> {
    return mapTransfer(await this.funds.transfer(p.id, dto, user.id));
  }

  @Get(':id/entries')
  @ApiOkResponse({ type: JournalEntryPageDto })
  async entries(@Param() p: UuidParamDto, @Query() q: ListEntriesQueryDto, @CurrentUser() user: AuthUser): Promise<JournalEntryPageDto> {
    return mapEntryPage(await this.funds.entries(p.id, user, q.limit, q.cursor));
  }
}
