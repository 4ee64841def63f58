import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { VerifyResultDto } from './ledger.dto';
import { LedgerVerifier } from './ledger-verifier';

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('api/v1/ledger')
export class LedgerController {
  constructor(private readonly verifier: LedgerVerifier) {}

  @Get('verify')
  @Roles('admin')
  @ApiOkResponse({ type: VerifyResultDto })
  verify(): Promise<VerifyResultDto> {
    return this.verifier.verify();
  }
}
