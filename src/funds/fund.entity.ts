import Decimal from 'decimal.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { decimalTransformer, moneyColumn } from '../database/decimal.transformer';

@Entity('funds')
export class FundEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('uq_funds_name', { unique: true }) @Column({ type: 'text' }) name!: string;
  @Column({ type: 'date' }) periodStart!: string;
  @Column({ type: 'date' }) periodEnd!: string;
  @Column(moneyColumn) requesterMandate!: Decimal;
  @Column(moneyColumn) singleApproverLimit!: Decimal;
  @Column(moneyColumn) personCapPerYear!: Decimal;
  @Column({ type: 'int', default: 24 }) urgentDecisionHours!: number;
  @Column({ type: 'int', default: 5 }) decisionWorkingDays!: number;
  /** cost-comparison method (see src/cost-comparison/method.ts): default shares, drop-off, rate, horizon; defaults
   * as SQL expressions, because PostgreSQL reports a non-integer numeric default unquoted */
  @Column({ type: 'numeric', precision: 5, scale: 4, default: () => '0.1', transformer: decimalTransformer }) deadweightDefault!: Decimal;
  @Column({ type: 'numeric', precision: 5, scale: 4, default: () => '0.8', transformer: decimalTransformer }) attributionDefault!: Decimal;
  @Column({ type: 'numeric', precision: 5, scale: 4, default: () => '0.2', transformer: decimalTransformer }) dropOff!: Decimal;
  @Column({ type: 'numeric', precision: 6, scale: 4, default: () => '0.0225', transformer: decimalTransformer }) discountRate!: Decimal;
  @Column({ type: 'int', default: 5 }) horizonYears!: number;
  /** head of this fund's hash chain (journal entries and workflow events) */
  @Column({ type: 'bigint', default: 0 }) chainSeq!: string;
  @Column({ type: 'text', default: '0'.repeat(64) }) chainHead!: string;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** Budget holders who decide on a fund's requests. */
@Entity('fund_holders')
export class FundHolderEntity {
  @PrimaryColumn({ type: 'uuid' }) fundId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
}
