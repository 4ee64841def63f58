import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/env';
import { TransactionRunner } from '../database/transaction-runner';
import { API_VERSION } from '../common/api-version';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 200 with the database status, 503 when the database cannot be reached within 2 s. */
  @Public()
  @Get('health')
  async health(@Res() res: Response): Promise<void> {
    const engine = this.config.databaseUrl ? 'postgresql' : 'embedded (PGlite)';
    const started = Date.now();
    try {
      await Promise.race([
        this.tx.manager.query('SELECT 1'),
        new Promise((_r, reject) => setTimeout(() => reject(new Error('database ping timed out')), 2000).unref()),
      ]);
      res.status(200).json({ status: 'ok', version: API_VERSION, database: { status: 'up', engine, latencyMs: Date.now() - started } });
    } catch (e) {
      res.status(503).json({ status: 'unavailable', version: API_VERSION, database: { status: 'down', engine, error: (e as Error).message } });
    }
  }
}
