import Decimal from 'decimal.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { decimalTransformer, moneyColumn } from '../database/decimal.transformer';

export const ACCOUNT_KINDS = ['available', 'committed', 'spent', 'contribution', 'transfer', 'in_payment'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/**
 * One account of a fund. Balances are sums of postings (debit positive): available, committed and
 * spent are positive; contribution (one per partner) and transfer accounts carry the opposite sign,
 * so every fund's accounts sum to zero and budget = committed + spent + available. 'in_payment' holds
 * commitments sent to the bank in a SEPA batch and not yet seen on a statement (still committed money).
 */
@Entity('ledger_accounts')
@Index('uq_ledger_accounts_fund_code', ['fundId', 'code'], { unique: true })
export class LedgerAccountEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) fundId!: string;
  /** 'available' | 'committed' | 'spent' | 'transfer' | 'contribution:<organisationId>' */
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) kind!: AccountKind;
  @Column({ type: 'uuid', nullable: true }) organisationId!: string | null;
  @Column({ type: 'numeric', precision: 16, scale: 2, default: 0, transformer: decimalTransformer }) balance!: Decimal;
}

export const ENTRY_KINDS = [
  'contribution', 'reservation', 'release', 'payment', 'refund', 'transfer', 'reversal',
  // SEPA batches: committed → in_payment, and back when a batch is cancelled or a payment returns
  'payment_order', 'payment_order_cancel', 'payment_return',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Append-only (a database trigger refuses UPDATE and DELETE). */
@Entity('journal_entries')
@Index('uq_journal_entries_fund_seq', ['fundId', 'chainSeq'], { unique: true })
export class JournalEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) fundId!: string;
  @Column({ type: 'bigint' }) chainSeq!: string;
  @Column({ type: 'text' }) kind!: EntryKind;
  @Column({ type: 'date' }) effectiveDate!: string;
  @Column({ type: 'timestamptz' }) recordedAt!: Date;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Index('ix_journal_entries_request') @Column({ type: 'uuid', nullable: true }) requestId!: string | null;
  @Column({ type: 'uuid', nullable: true }) contributionId!: string | null;
  @Column({ type: 'uuid', nullable: true }) paymentId!: string | null;
  @Column({ type: 'uuid', nullable: true }) reversesEntryId!: string | null;
  @Column({ type: 'text', default: '' }) memo!: string;
  @Column({ type: 'char', length: 64 }) prevHash!: string;
  @Column({ type: 'char', length: 64 }) hash!: string;
}

/**
 * A record of a fund's chain that vouches for a format-1 workflow event whose reason retention
 * erased (see reasonSealChainContent). Append-only.
 */
@Entity('chain_seals')
@Index('uq_chain_seals_fund_seq', ['fundId', 'chainSeq'], { unique: true })
export class ChainSealEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_chain_seals' }) id!: string;
  @Column({ type: 'uuid' }) fundId!: string;
  @Column({ type: 'bigint' }) chainSeq!: string;
  @Index('uq_chain_seals_event', { unique: true }) @Column({ type: 'uuid' }) eventId!: string;
  @Column({ type: 'char', length: 64 }) eventHash!: string;
  @Column({ type: 'char', length: 64 }) sealedDigest!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'char', length: 64 }) prevHash!: string;
  @Column({ type: 'char', length: 64 }) hash!: string;
}

/** Append-only. The postings of one entry sum to zero. */
@Entity('journal_postings')
export class JournalPostingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('ix_journal_postings_entry') @Column({ type: 'uuid' }) entryId!: string;
  @Index('ix_journal_postings_account') @Column({ type: 'uuid' }) accountId!: string;
  @Column({ type: 'numeric', precision: 16, scale: 2, transformer: decimalTransformer }) amount!: Decimal;
}

@Entity('contributions')
export class ContributionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('ix_contributions_fund') @Column({ type: 'uuid' }) fundId!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column(moneyColumn) amount!: Decimal;
  @Column({ type: 'text', default: '' }) note!: string;
  @Column({ type: 'date' }) effectiveDate!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

@Entity('payments')
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('ix_payments_request') @Column({ type: 'uuid' }) requestId!: string;
  @Column({ type: 'uuid' }) fundId!: string;
  @Column(moneyColumn) amount!: Decimal;
  @Column({ type: 'text' }) reference!: string;
  @Column({ type: 'uuid', nullable: true }) paidBy!: string | null;
  /** the app clock's time of payment, like the journal entry's recordedAt (the column default is the database's) */
  @Column({ type: 'timestamptz', default: () => 'now()' }) paidAt!: Date;
}
