import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import type { ChainLink } from './ledger.types';

/** A workflow event whose reason is still there, with what is needed to check it before erasing. */
export interface ErasableEventRow extends ChainLink {
  id: string;
  requestId: string;
  fundId: string;
  actorId: string;
  actorRole: string;
  fromStatus: string | null;
  toStatus: string;
  createdAt: Date;
  reason: string;
  chainFormat: number;
  reasonSalt: string | null;
  reasonDigest: string | null;
}

/** The statements of ReasonEraser: find a case's reasons, write seals, erase. */
@Injectable()
export class ReasonErasureRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /** The events of a case's requests with a reason not yet erased, per fund in chain order. */
  unerased(caseId: string): Promise<ErasableEventRow[]> {
    return this.tx.manager.query(
      `SELECT e.id, e.request_id AS "requestId", e.fund_id AS "fundId", e.actor_id AS "actorId", e.actor_role AS "actorRole",
              e.from_status AS "fromStatus", e.to_status AS "toStatus", e.created_at AS "createdAt", e.reason,
              e.chain_seq::text AS "chainSeq", e.prev_hash AS "prevHash", e.hash,
              e.chain_format AS "chainFormat", e.reason_salt AS "reasonSalt", e.reason_digest AS "reasonDigest"
         FROM request_events e JOIN requests r ON r.id = e.request_id
        WHERE r.case_id = $1 AND e.reason <> '' AND e.reason_erased_at IS NULL
        ORDER BY e.fund_id, e.chain_seq`,
      [caseId],
    );
  }

  async insertSeal(seal: { fundId: string; eventId: string; eventHash: string; sealedDigest: string; createdAt: Date } & ChainLink): Promise<void> {
    await this.tx.manager.query(
      `INSERT INTO chain_seals (fund_id, chain_seq, event_id, event_hash, sealed_digest, created_at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [seal.fundId, seal.chainSeq, seal.eventId, seal.eventHash, seal.sealedDigest, seal.createdAt, seal.prevHash, seal.hash],
    );
  }

  /** The one UPDATE the table's trigger allows: the reason, its salt and a coded reason's comment go; the rest stays. */
  async erase(eventIds: string[], at: Date): Promise<void> {
    if (!eventIds.length) return;
    await this.tx.manager.query(
      `UPDATE request_events SET reason = '', reason_salt = NULL, reason_params = reason_params - 'comment', reason_erased_at = $2
        WHERE id = ANY($1::uuid[]) AND reason_erased_at IS NULL`,
      [eventIds, at],
    );
  }
}
