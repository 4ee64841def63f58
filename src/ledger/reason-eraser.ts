import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import {
  chainHash, legacyRequestEventChainContent, reasonDigest, reasonSealChainContent, sealedEventDigest,
} from './hash-chain';
import { LedgerService } from './ledger.service';
import { ErasableEventRow, ReasonErasureRepository } from './reason-erasure.repository';

/** An event that no longer matches its hash or digest: its reason is kept, so the evidence stays for ledger:verify. */
export class TamperedEventError extends Error {}

/**
 * Erases the reasons of a case's workflow events (retention) so that the hash chain still verifies:
 * - format 2 (the chain holds a salted digest of the reason): text and salt are emptied, the
 *   digest stays, the hash recomputes as before;
 * - format 1 (the chain holds the text itself): under the fund's lock, a seal is appended to the
 *   fund's chain that carries the event's hash and a digest of the rest of the event, and then the
 *   text is emptied. The verifier checks the event against its seal instead of recomputing it.
 * Each event is checked first; one that was changed behind the triggers is not erased (that would
 * hide the change), and the whole erasure of the case fails.
 */
@Injectable()
export class ReasonEraser {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly ledger: LedgerService,
    private readonly repo: ReasonErasureRepository,
  ) {}

  /** Erase; returns how many reasons went. Joins the caller's transaction (retention erases a case in one). */
  eraseCase(caseId: string, at: Date): Promise<number> {
    return this.tx.run(async () => {
      const events = await this.repo.unerased(caseId);
      for (const e of events) assertIntact(e);
      await this.repo.erase(events.filter((e) => e.chainFormat === 2).map((e) => e.id), at);
      const legacy = new Map<string, ErasableEventRow[]>();
      for (const e of events.filter((x) => x.chainFormat === 1)) legacy.set(e.fundId, [...(legacy.get(e.fundId) ?? []), e]);
      // funds in id order, like transfers, so two erasures never wait on each other's fund locks crosswise
      for (const fundId of [...legacy.keys()].sort()) {
        const own = legacy.get(fundId) ?? [];
        await this.ledger.withFund(fundId, async (open) => {
          for (const e of own) {
            const seal = { fundId, eventId: e.id, eventHash: e.hash, sealedDigest: sealedEventDigest(e), createdAt: at };
            await this.repo.insertSeal({ ...seal, ...open.chain(reasonSealChainContent(seal)) });
          }
          await this.repo.erase(own.map((e) => e.id), at);
        });
      }
      return events.length;
    });
  }
}

function assertIntact(e: ErasableEventRow): void {
  const intact =
    e.chainFormat === 2
      ? e.reasonSalt !== null && e.reasonDigest !== null && reasonDigest(e.reasonSalt, e.reason) === e.reasonDigest
      : e.chainFormat === 1 && chainHash(e.prevHash, e.chainSeq, legacyRequestEventChainContent(e)) === e.hash;
  if (!intact) {
    throw new TamperedEventError(
      `workflow event ${e.id} (fund ${e.fundId}, seq ${e.chainSeq}) does not match the hash chain; its reason is not erased. Run ledger:verify`,
    );
  }
}
