import { Module } from '@nestjs/common';
import { CheckpointRepository } from './checkpoint.repository';
import { CheckpointService } from './checkpoint.service';
import { JournalWriter } from './journal-writer';
import { LedgerAuditRepository } from './ledger-audit.repository';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { LedgerVerifier } from './ledger-verifier';
import { ReasonEraser } from './reason-eraser';
import { ReasonErasureRepository } from './reason-erasure.repository';

/** The ledger: LedgerService for every money movement (the workflow injects it), the verifier, and the erasure of chained reasons (retention). */
@Module({
  controllers: [LedgerController],
  providers: [
    LedgerRepository, LedgerAuditRepository, JournalWriter, LedgerService, LedgerVerifier, CheckpointRepository, CheckpointService,
    ReasonErasureRepository, ReasonEraser,
  ],
  exports: [LedgerService, LedgerVerifier, CheckpointService, ReasonEraser],
})
export class LedgerModule {}
