import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BarrierTagListDto } from './cost-item.dto';
import { mapBarrierTag } from './cost-item.mapper';
import { BarriersService } from './barriers.service';

@ApiTags('barriers')
@ApiBearerAuth()
@Controller('api/v1/barriers')
export class BarriersController {
  constructor(private readonly barriers: BarriersService) {}

  @Get()
  async list(): Promise<BarrierTagListDto> {
    return { items: (await this.barriers.listActive()).map(mapBarrierTag), next: null };
  }
}
