import { Injectable } from '@nestjs/common';
import { TransactionRunner } from '../database/transaction-runner';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

export interface IdempotencyClaim {
  scope: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
}

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly tx: TransactionRunner) {}

  /**
   * Insert the key row, or do nothing when it exists. A concurrent transaction holding the same
   * key makes this wait on the primary key until it commits (then: false) or rolls back (then: true).
   * The status stays 0 until the response is stored in the same transaction.
   */
  async claim(c: IdempotencyClaim): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager.query(
      `INSERT INTO idempotency_keys (scope, key, method, path, request_hash, response_status, response_body)
       VALUES ($1, $2, $3, $4, $5, 0, NULL)
       ON CONFLICT DO NOTHING
       RETURNING key`,
      [c.scope, c.key, c.method, c.path, c.requestHash],
    );
    return rows.length === 1;
  }

  find(scope: string, key: string): Promise<IdempotencyKeyEntity | null> {
    return this.tx.manager.findOne(IdempotencyKeyEntity, { where: { scope, key } });
  }

  async saveResponse(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.tx.manager.query('UPDATE idempotency_keys SET response_status = $3, response_body = $4::jsonb WHERE scope = $1 AND key = $2', [
      scope,
      key,
      status,
      JSON.stringify(body ?? null),
    ]);
  }
}
