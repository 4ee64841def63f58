import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';

@Injectable()
export class CheckpointRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /** Every fund's chain head as stored (funds with an empty chain left out). */
  async heads(): Promise<{ id: string; chain_seq: string; chain_head: string }[]> {
    return this.tx.manager.query(`SELECT id, chain_seq::text AS chain_seq, chain_head FROM funds WHERE chain_seq > 0 ORDER BY id`);
  }

  /** The hash of the record at `seq` in a fund's chain (journal entry, workflow event or seal), or null. */
  async hashAt(fundId: string, seq: string): Promise<string | null> {
    const rows: { hash: string }[] = await this.tx.manager.query(
      `SELECT hash FROM journal_entries WHERE fund_id = $1 AND chain_seq = $2
       UNION ALL SELECT hash FROM request_events WHERE fund_id = $1 AND chain_seq = $2
       UNION ALL SELECT hash FROM chain_seals WHERE fund_id = $1 AND chain_seq = $2`,
      [fundId, seq],
    );
    return rows[0]?.hash ?? null;
  }
}
