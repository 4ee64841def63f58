import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersModule } from '../users/users.module';
import { FundsController } from './funds.controller';
import { FundsRepository } from './funds.repository';
import { FundsService } from './funds.service';

@Module({
  imports: [AccessModule, LedgerModule, IdempotencyModule, UsersModule, OrganisationsModule],
  controllers: [FundsController],
  providers: [FundsRepository, FundsService],
  exports: [FundsService],
})
export class FundsModule {}
