import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Dec } from '../common/money';
import { TransactionRunner } from '../database/transaction-runner';
import {
  BankStatementEntity, BankStatementLineEntity, PayeeAccountEntity, PaymentBatchEntity, PaymentBatchItemEntity,
} from './payment.entities';

export interface DueRow {
  requestId: string;
  title: string;
  fundId: string;
  fundName: string;
  committed: Dec;
  payeeName: string | null;
  payeeIban: string | null;
}

/** Every query of batches, statements and the payee register. Uses the active transaction's manager. */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  private get m(): EntityManager {
    return this.tx.manager;
  }

  findPayee(requestId: string): Promise<PayeeAccountEntity | null> {
    return this.m.findOne(PayeeAccountEntity, { where: { requestId } });
  }

  async payeesOf(requestIds: string[]): Promise<Map<string, PayeeAccountEntity>> {
    const rows = requestIds.length ? await this.m.find(PayeeAccountEntity, { where: { requestId: In(requestIds) } }) : [];
    return new Map(rows.map((r) => [r.requestId, r]));
  }

  async savePayee(row: PayeeAccountEntity): Promise<void> {
    await this.m.upsert(PayeeAccountEntity, row, ['requestId']);
  }

  /** Approved requests with money committed and no transfer in an open batch, oldest decision first. */
  async due(limit = 500): Promise<DueRow[]> {
    const rows: { request_id: string; title: string; fund_id: string; fund_name: string; committed: string; payee_name: string | null; payee_iban: string | null }[] =
      await this.m.query(
        `SELECT r.id AS request_id, r.title, r.fund_id, f.name AS fund_name, r.committed_amount AS committed, p.name AS payee_name, p.iban AS payee_iban
           FROM requests r
           JOIN funds f ON f.id = r.fund_id
           LEFT JOIN payee_accounts p ON p.request_id = r.id
          WHERE r.status = 'approved' AND r.committed_amount > 0
            AND NOT EXISTS (SELECT 1 FROM payment_batch_items i WHERE i.request_id = r.id AND i.status = 'ordered')
          ORDER BY r.decided_at NULLS LAST, r.id
          LIMIT $1`,
        [limit],
      );
    return rows.map((r) => ({
      requestId: r.request_id, title: r.title, fundId: r.fund_id, fundName: r.fund_name, committed: new Dec(r.committed), payeeName: r.payee_name, payeeIban: r.payee_iban,
    }));
  }

  /** The transfer of a request that is still waiting for the bank, if any. */
  findOrderedItem(requestId: string): Promise<PaymentBatchItemEntity | null> {
    return this.m.findOne(PaymentBatchItemEntity, { where: { requestId, status: 'ordered' } });
  }

  insertBatch(batch: Omit<PaymentBatchEntity, 'id'> & { id: string }): Promise<PaymentBatchEntity> {
    return this.m.save(PaymentBatchEntity, batch);
  }

  async insertItems(items: PaymentBatchItemEntity[]): Promise<void> {
    if (items.length) await this.m.insert(PaymentBatchItemEntity, items);
  }

  findBatch(id: string): Promise<PaymentBatchEntity | null> {
    return this.m.findOne(PaymentBatchEntity, { where: { id } });
  }

  lockBatch(id: string): Promise<PaymentBatchEntity | null> {
    return this.m.findOne(PaymentBatchEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveBatch(batch: PaymentBatchEntity): Promise<void> {
    await this.m.save(PaymentBatchEntity, batch);
  }

  batchesPage(limit: number, offset: number): Promise<PaymentBatchEntity[]> {
    return this.m.find(PaymentBatchEntity, { order: { createdAt: 'DESC', id: 'DESC' }, take: limit + 1, skip: offset });
  }

  async lastBatch(): Promise<PaymentBatchEntity | null> {
    return (await this.m.find(PaymentBatchEntity, { order: { createdAt: 'DESC' }, take: 1 }))[0] ?? null;
  }

  itemsOf(batchIds: string[]): Promise<PaymentBatchItemEntity[]> {
    return batchIds.length ? this.m.find(PaymentBatchItemEntity, { where: { batchId: In(batchIds) }, order: { position: 'ASC' } }) : Promise.resolve([]);
  }

  findItem(id: string): Promise<PaymentBatchItemEntity | null> {
    return this.m.findOne(PaymentBatchItemEntity, { where: { id } });
  }

  lockItemsByEndToEnd(ids: string[]): Promise<PaymentBatchItemEntity[]> {
    return ids.length ? this.m.find(PaymentBatchItemEntity, { where: { endToEndId: In(ids) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } }) : Promise.resolve([]);
  }

  lockItem(id: string): Promise<PaymentBatchItemEntity | null> {
    return this.m.findOne(PaymentBatchItemEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveItem(item: PaymentBatchItemEntity): Promise<void> {
    await this.m.save(PaymentBatchItemEntity, item);
  }

  async requestTitles(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; title: string }[] = await this.m.query(`SELECT id, title FROM requests WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.title]));
  }

  /**
   * Serialise imports of the same statement across connections: a transaction-scoped advisory
   * lock on the account and statement id, so a statement uploaded twice at once is booked once.
   */
  async lockStatementKey(accountIban: string, statementId: string): Promise<void> {
    await this.m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 18))`, [`camt053:${accountIban}:${statementId}`]);
  }

  findStatement(accountIban: string, statementId: string): Promise<BankStatementEntity | null> {
    return this.m.findOne(BankStatementEntity, { where: { accountIban, statementId } });
  }

  findStatementById(id: string): Promise<BankStatementEntity | null> {
    return this.m.findOne(BankStatementEntity, { where: { id } });
  }

  insertStatement(row: Omit<BankStatementEntity, 'id' | 'importedAt'>): Promise<BankStatementEntity> {
    return this.m.save(BankStatementEntity, this.m.create(BankStatementEntity, row));
  }

  async insertLines(lines: Omit<BankStatementLineEntity, 'id'>[]): Promise<void> {
    if (lines.length) await this.m.insert(BankStatementLineEntity, lines);
  }

  statementsPage(limit: number, offset: number): Promise<BankStatementEntity[]> {
    return this.m.find(BankStatementEntity, { order: { importedAt: 'DESC', id: 'DESC' }, take: limit + 1, skip: offset });
  }

  linesOf(statementIds: string[]): Promise<BankStatementLineEntity[]> {
    return statementIds.length ? this.m.find(BankStatementLineEntity, { where: { statementId: In(statementIds) }, order: { position: 'ASC' } }) : Promise.resolve([]);
  }

  /** Lines the administrator still has to resolve, oldest first. */
  openLines(): Promise<BankStatementLineEntity[]> {
    return this.m
      .createQueryBuilder(BankStatementLineEntity, 'l')
      .where(`l.outcome IN ('returned', 'amount_mismatch', 'unknown', 'already_paid')`)
      .andWhere('l.resolution IS NULL')
      .orderBy('l.statement_id')
      .addOrderBy('l.position')
      .take(500)
      .getMany();
  }

  lockLine(id: string): Promise<BankStatementLineEntity | null> {
    return this.m.findOne(BankStatementLineEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async saveLine(line: BankStatementLineEntity): Promise<void> {
    await this.m.save(BankStatementLineEntity, line);
  }

  itemsByIds(ids: string[]): Promise<PaymentBatchItemEntity[]> {
    return ids.length ? this.m.find(PaymentBatchItemEntity, { where: { id: In(ids) } }) : Promise.resolve([]);
  }

  /** Each request's fund (for requests not in the due list: they get a clear refusal after locking). */
  async requestFunds(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; fund_id: string }[] = await this.m.query(`SELECT id, fund_id FROM requests WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.fund_id]));
  }

  /** A batch's transfers, locked in id order (the order every import locks them in too). */
  lockItemsOfBatch(batchId: string): Promise<PaymentBatchItemEntity[]> {
    return this.m.find(PaymentBatchItemEntity, { where: { batchId }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
  }

  itemsByEndToEnd(ids: string[]): Promise<PaymentBatchItemEntity[]> {
    return ids.length ? this.m.find(PaymentBatchItemEntity, { where: { endToEndId: In(ids) } }) : Promise.resolve([]);
  }
}
