import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/auth.decorators';
import { UuidParamDto } from '../common/validation';
import { CreateUserDto, mapUser, UpdateUserDto, UserDto } from './user.dto';
import { UsersService } from './users.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  async list(): Promise<{ items: UserDto[]; next: null }> {
    return { items: (await this.users.list()).map(mapUser), next: null };
  }

  @Post()
  @Idempotent()
  @ApiCreatedResponse({ type: UserDto })
  async create(@Body() dto: CreateUserDto): Promise<UserDto> {
    return mapUser(await this.users.create(dto));
  }

  @Get(':id')
  @ApiOkResponse({ type: UserDto })
  async get(@Param() p: UuidParamDto): Promise<UserDto> {
    return mapUser(await this.users.get(p.id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserDto })
  async update(@Param() p: UuidParamDto, @Body() dto: UpdateUserDto, @CurrentUser() actor: AuthUser): Promise<UserDto> {
    return mapUser(await this.users.update(p.id, dto, actor.id));
  }
}
