import Decimal from 'decimal.js';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn } from '../database/decimal.transformer';
import type { BudgetEffect, Confidence, CostKind } from './comparison.types';

/**
 * One version of a unit cost. Rows are never changed in place: an admin's change inserts the next
 * version and marks the previous one superseded, so requests keep the version they were priced with.
 */
@Entity('cost_items')
@Index('uq_cost_items_key_version', ['key', 'version'], { unique: true })
export class CostItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) key!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'text' }) labelNl!: string;
  @Column({ type: 'text' }) labelEn!: string;
  @Column({ type: 'text' }) unit!: string;
  @Column(moneyColumn) amount!: Decimal;
  @Column({ type: 'int', nullable: true }) priceYear!: number | null;
  @Column({ type: 'text' }) bearerKey!: string;
  @Column({ type: 'text' }) bearerLabelNl!: string;
  @Column({ type: 'text' }) kind!: CostKind;
  /** what avoiding the cost frees for its bearer: cash, only capacity, or nothing (societal) */
  @Column({ type: 'text', default: 'cash' }) budgetEffect!: BudgetEffect;
  @Column({ type: 'text' }) confidence!: Confidence;
  @Column({ type: 'text', default: '' }) confidenceNote!: string;
  @Column({ type: 'text' }) source!: string;
  @Column({ type: 'text', nullable: true }) url!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) supersededAt!: Date | null;
}
