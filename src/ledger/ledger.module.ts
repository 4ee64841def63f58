import { Module } from '@nestjs/common';
import { CheckpointRepository } from './checkpoint.repository';
import { CheckpointService } from './checkpoint.service';
import { JournalWriter } from './journal-writer';
import { LedgerAuditRepository } from './ledger-audit.repository';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { LedgerVerifier } from './ledger-verifier';

/** The ledger: LedgerService for every money movement (the workflow injects it) and the verifier. */
@Module({
  controllers: [LedgerController],
  providers: [LedgerRepository, LedgerAuditRepository, JournalWriter, LedgerService, LedgerVerifier, CheckpointRepository, CheckpointService],
  exports: [LedgerService, LedgerVerifier, CheckpointService],
})
export class LedgerModule {}
