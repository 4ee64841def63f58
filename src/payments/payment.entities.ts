import Decimal from 'decimal.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn } from '../database/decimal.transformer';

/** Where a request's money goes: the payee's name and IBAN (a payee register, one row per request). */
@Entity('payee_accounts')
export class PayeeAccountEntity {
  @PrimaryColumn({ type: 'uuid' }) requestId!: string;
  @Column({ type: 'text' }) name!: string;
  /** electronic format: upper case, no spaces */
  @Column({ type: 'text' }) iban!: string;
  @Column({ type: 'uuid' }) updatedBy!: string;
  @Column({ type: 'timestamptz' }) updatedAt!: Date;
}

export const BATCH_STATUSES = ['open', 'confirmed', 'cancelled'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** One SEPA credit transfer file (pain.001.001.09) with the commitments it moved to in_payment. */
@Entity('payment_batches')
export class PaymentBatchEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** GrpHdr/MsgId and PmtInf/PmtInfId of the file */
  @Index('uq_payment_batches_message_id', { unique: true }) @Column({ type: 'text' }) messageId!: string;
  @Column({ type: 'text', default: 'open' }) status!: BatchStatus;
  @Column({ type: 'text' }) debtorName!: string;
  @Column({ type: 'text' }) debtorIban!: string;
  @Column({ type: 'text', nullable: true }) debtorBic!: string | null;
  @Column({ type: 'date' }) executionDate!: string;
  @Column(moneyColumn) total!: Decimal;
  @Column({ type: 'int' }) count!: number;
  /** the file exactly as handed out (generated once, so a later download is byte-identical) */
  @Column({ type: 'text' }) xml!: string;
  @Column({ type: 'uuid' }) createdBy!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) confirmedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
}

export const ITEM_STATUSES = ['ordered', 'paid', 'cancelled', 'returned_reopened', 'returned_released'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** One credit transfer of a batch (CdtTrfTxInf): a request's commitment, to one payee. */
@Entity('payment_batch_items')
@Index('ix_payment_batch_items_batch', ['batchId', 'position'])
// a commitment is in at most one batch at a time
@Index('uq_payment_batch_items_request_ordered', ['requestId'], { unique: true, where: "status = 'ordered'" })
export class PaymentBatchItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) batchId!: string;
  @Column({ type: 'int' }) position!: number;
  @Index('ix_payment_batch_items_request') @Column({ type: 'uuid' }) requestId!: string;
  @Column({ type: 'uuid' }) fundId!: string;
  @Index('uq_payment_batch_items_e2e', { unique: true }) @Column({ type: 'text' }) endToEndId!: string;
  @Column(moneyColumn) amount!: Decimal;
  @Column({ type: 'text' }) payeeName!: string;
  @Column({ type: 'text' }) payeeIban!: string;
  @Column({ type: 'text' }) remittance!: string;
  @Column({ type: 'text', default: 'ordered' }) status!: ItemStatus;
  @Column({ type: 'timestamptz', nullable: true }) paidAt!: Date | null;
}

/** An imported bank statement (camt.053): one per statement id of the account. */
@Entity('bank_statements')
@Index('uq_bank_statements_account_statement', ['accountIban', 'statementId'], { unique: true })
export class BankStatementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) messageId!: string;
  /** Stmt/Id */
  @Column({ type: 'text' }) statementId!: string;
  @Column({ type: 'text' }) accountIban!: string;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'int' }) entries!: number;
  @Column({ type: 'uuid' }) importedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) importedAt!: Date;
}

export const LINE_OUTCOMES = ['paid', 'returned', 'amount_mismatch', 'unknown', 'already_paid', 'ignored'] as const;
export type LineOutcome = (typeof LINE_OUTCOMES)[number];

/** One transaction of an imported statement and what reconciliation made of it. */
@Entity('bank_statement_lines')
@Index('ix_bank_statement_lines_statement', ['statementId', 'position'])
export class BankStatementLineEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) statementId!: string;
  @Column({ type: 'int' }) position!: number;
  /** 1-based line of the <Ntry> element in the uploaded XML */
  @Column({ type: 'int' }) xmlLine!: number;
  @Column({ type: 'text', nullable: true }) endToEndId!: string | null;
  @Column(moneyColumn) amount!: Decimal;
  /** 'DBIT' (money out) or 'CRDT' (money in, e.g. a return) */
  @Column({ type: 'text' }) direction!: string;
  @Column({ type: 'text', nullable: true }) returnReason!: string | null;
  @Column({ type: 'text' }) outcome!: LineOutcome;
  @Index('ix_bank_statement_lines_item') @Column({ type: 'uuid', nullable: true }) itemId!: string | null;
  @Column({ type: 'text', default: '' }) detail!: string;
  /** for lines the administrator must look at: null = open, else 'reopen' | 'release' | 'dismissed' */
  @Column({ type: 'text', nullable: true }) resolution!: string | null;
  @Column({ type: 'uuid', nullable: true }) resolvedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  @Column({ type: 'text', default: '' }) resolutionNote!: string;
}

export const PAYMENT_ENTITIES = [PayeeAccountEntity, PaymentBatchEntity, PaymentBatchItemEntity, BankStatementEntity, BankStatementLineEntity];
