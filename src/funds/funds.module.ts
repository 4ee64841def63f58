import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LedgerModule } from '../ledger/ledger.module';
import { FundsController } from './funds.controller';
import { FundsRepository } from './funds.repository';
import { FundsService } from './funds.service';

@Module({
  imports: [LedgerModule, IdempotencyModule],
  controllers: [FundsController],
  providers: [FundsRepository, FundsService],
  exports: [FundsService],
})
export class FundsModule {}
