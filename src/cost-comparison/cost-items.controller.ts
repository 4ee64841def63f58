import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { CostItemDto, CostItemListDto, CostItemListQueryDto, CreateCostItemDto, UpdateCostItemDto } from './cost-item.dto';
import { mapCostItem, toCostItemChanges, toCostItemFields } from './cost-item.mapper';
import { CostItemsService } from './cost-items.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('cost-items')
@ApiBearerAuth()
@Controller('api/v1/cost-items')
export class CostItemsController {
  constructor(private readonly items: CostItemsService) {}

  @Get()
  @ApiOkResponse({ type: CostItemListDto })
  async list(@Query() query: CostItemListQueryDto): Promise<CostItemListDto> {
    return { items: (await this.items.list(query.includeHistory === 'true')).map(mapCostItem), next: null };
  }

  @Post()
  @Roles('admin')
  @Idempotent()
  @ApiCreatedResponse({ type: CostItemDto })
  async create(@Body() dto: CreateCostItemDto, @CurrentUser() user: AuthUser): Promise<CostItemDto> {
    return mapCostItem(await this.items.create(dto.key, toCostItemFields(dto), user.id));
  }

  /** A new version of the item; the previous one is kept (superseded) for the requests priced with it. */
  @Patch(':key')
  @Roles('admin')
  @ApiOkResponse({ type: CostItemDto })
  async update(@Param('key') key: string, @Body() dto: UpdateCostItemDto, @CurrentUser() user: AuthUser): Promise<CostItemDto> {
    return mapCostItem(await this.items.update(key, toCostItemChanges(dto), user.id));
  }
}
