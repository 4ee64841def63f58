import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { CreateOrganisationDto, mapOrganisation, OrganisationDto } from './organisation.dto';
import { OrganisationsService } from './organisations.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('api/v1/organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  async list(): Promise<{ items: OrganisationDto[]; next: null }> {
    return { items: (await this.organisations.list()).map(mapOrganisation), next: null };
  }

  @Post()
  @Roles('admin')
  @Idempotent()
  @ApiCreatedResponse({ type: OrganisationDto })
  async create(@Body() dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return mapOrganisation(await this.organisations.create(dto.name, dto.kind));
  }
}
