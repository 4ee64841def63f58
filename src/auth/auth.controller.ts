import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { moneyString } from '../common/money';
import { AuthUser, CurrentUser, Public } from './auth.decorators';
import { MeDto, TokenRequestDto, TokenResponseDto } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('api/v1')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @Post('auth/token')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenResponseDto })
  async token(@Body() dto: TokenRequestDto): Promise<TokenResponseDto> {
    return this.auth.issueToken(await this.auth.login(dto.email, dto.password));
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: MeDto })
  me(@CurrentUser() user: AuthUser): MeDto {
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      organisation: { id: user.organisationId, name: user.organisationName },
      mandate: user.mandate ? moneyString(user.mandate) : null,
    };
  }
}
