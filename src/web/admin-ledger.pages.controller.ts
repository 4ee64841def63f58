import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth/auth.decorators';
import { LedgerVerifier } from '../ledger/ledger-verifier';
import { renderPage } from './web-context';

/** The ledger check (the API's /api/v1/ledger/verify) as a readable page for administrators. */
@ApiExcludeController()
@Controller('admin/ledger')
@Roles('admin')
export class AdminLedgerPagesController {
  constructor(private readonly verifier: LedgerVerifier) {}

  @Get()
  async show(@Res() res: Response): Promise<void> {
    renderPage(res, 'admin/ledger', { result: await this.verifier.verify(), checkedAt: new Date().toISOString() });
  }
}
