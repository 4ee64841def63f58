import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { LedgerModule } from '../ledger/ledger.module';
import { RequestsModule } from '../requests/requests.module';
import { BatchesService } from './batches.service';
import { PayeesService } from './payees.service';
import { BankStatementsController, PayeeAccountsController, PaymentBatchesController } from './payments.controller';
import { PaymentsPagesController } from './payments.pages.controller';
import { PaymentsRepository } from './payments.repository';
import { StatementsService } from './statements.service';

/** SEPA payment batches, the payee register and bank-statement reconciliation. */
@Module({
  imports: [AccessModule, LedgerModule, RequestsModule],
  controllers: [PayeeAccountsController, PaymentBatchesController, BankStatementsController, PaymentsPagesController],
  providers: [PaymentsRepository, PayeesService, BatchesService, StatementsService],
  exports: [PayeesService, BatchesService, StatementsService],
})
export class PaymentsModule {}
