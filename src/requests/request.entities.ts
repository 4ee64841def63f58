import Decimal from 'decimal.js';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { OutcomeLine } from '../cost-comparison/comparison.types';

export type { OutcomeLine };
import { decimalTransformer, moneyColumn } from '../database/decimal.transformer';

export const REQUEST_STATUSES = [
  'draft', 'submitted', 'info_requested', 'approved', 'rejected', 'withdrawn', 'cancelled', 'paid', 'evaluated',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type Tier = 'requester' | 'single' | 'double';

export interface ExistingProvision {
  provision: string;
  /** too_slow | not_eligible | none_exists | other */
  reason: string;
  note?: string;
}

@Entity('requests')
@Index('ix_requests_status_fund', ['status', 'fundId'])
export class RequestEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('ix_requests_case') @Column({ type: 'uuid' }) caseId!: string;
  @Index('ix_requests_fund') @Column({ type: 'uuid' }) fundId!: string;
  @Index('ix_requests_requester') @Column({ type: 'uuid' }) requesterId!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) justification!: string;
  @Column(moneyColumn) amount!: Decimal;
  @Column({ type: 'text' }) payee!: string;
  @Column({ type: 'text' }) lifeDomain!: string;
  @Column({ type: 'boolean', default: false }) urgent!: boolean;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) barriers!: string[];
  @Column({ type: 'jsonb', default: () => "'[]'" }) existingProvisions!: ExistingProvision[];
  @Column({ type: 'text', default: '' }) residentWish!: string;
  @Column({ type: 'text', default: 'draft' }) status!: RequestStatus;
  @Column({ type: 'text', nullable: true }) tier!: Tier | null;
  @Column({ type: 'text', nullable: true }) tierReason!: string | null;
  @Column({ type: 'boolean', default: false }) retroactive!: boolean;
  @Column({ type: 'boolean', default: false }) solvedWithoutMoney!: boolean;
  @Column({ type: 'int' }) priceYear!: number;
  @Column({ ...moneyColumn, default: 0 }) committedAmount!: Decimal;
  @Column({ ...moneyColumn, default: 0 }) paidAmount!: Decimal;
  @Column({ type: 'text', nullable: true }) infoQuestion!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) firstSubmittedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) decisionDue!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  @VersionColumn() version!: number;
}

/** One line of the conventional route, priced once with a fixed catalogue version. */
@Entity('request_cost_lines')
export class RequestCostLineEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('ix_request_cost_lines_request') @Column({ type: 'uuid' }) requestId!: string;
  @Column({ type: 'int' }) position!: number;
  @Column({ type: 'uuid' }) costItemId!: string;
  @Column({ type: 'text' }) costItemKey!: string;
  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: decimalTransformer }) quantity!: Decimal;
  @Column({ type: 'numeric', precision: 5, scale: 4, transformer: decimalTransformer }) probability!: Decimal;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  /** unit amount at the request's price year (CPI applied), cents */
  @Column(moneyColumn) unitAmount!: Decimal;
  @Column({ type: 'boolean', default: false }) unindexed!: boolean;
  /** years the cost recurs (quantity is per year) */
  @Column({ type: 'int', default: 1 }) years!: number;
  /** the line's own deadweight and attribution shares; null: the fund's default */
  @Column({ type: 'numeric', precision: 5, scale: 4, nullable: true, transformer: decimalTransformer }) deadweight!: Decimal | null;
  @Column({ type: 'numeric', precision: 5, scale: 4, nullable: true, transformer: decimalTransformer }) attribution!: Decimal | null;
}

@Entity('request_approvals')
@Index('uq_request_approvals_request_approver', ['requestId', 'approverId'], { unique: true })
export class RequestApprovalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) requestId!: string;
  @Column({ type: 'uuid' }) approverId!: string;
  @Column({ type: 'text' }) approverRole!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'text', default: '' }) comment!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/**
 * Workflow event, chained into the fund's hash chain together with the journal. Append-only: the
 * database refuses DELETE and every UPDATE except retention's erasure of the reason (reason emptied,
 * salt gone, `comment` left out of reasonParams, reasonErasedAt set, nothing else changed).
 */
@Entity('request_events')
@Index('uq_request_events_fund_seq', ['fundId', 'chainSeq'], { unique: true })
@Check('ck_request_events_format', `"chain_format" = 1 OR ("chain_format" = 2 AND "reason_digest" IS NOT NULL)`)
export class RequestEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('ix_request_events_request') @Column({ type: 'uuid' }) requestId!: string;
  @Column({ type: 'uuid' }) fundId!: string;
  @Column({ type: 'bigint' }) chainSeq!: string;
  @Column({ type: 'uuid' }) actorId!: string;
  @Column({ type: 'text' }) actorRole!: string;
  @Column({ type: 'text', nullable: true }) fromStatus!: string | null;
  @Column({ type: 'text' }) toStatus!: string;
  @Column({ type: 'text', default: '' }) reason!: string;
  /** the reason as a code with parameters (reason-codes.ts), for rendering per language; null for typed text */
  @Column({ type: 'text', nullable: true }) reasonCode!: string | null;
  @Column({ type: 'jsonb', nullable: true }) reasonParams!: Record<string, string> | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'char', length: 64 }) prevHash!: string;
  @Column({ type: 'char', length: 64 }) hash!: string;
  /** how the row is chained (hash-chain.ts): 1 hashes the reason text, 2 its salted digest */
  @Column({ type: 'smallint' }) chainFormat!: number;
  /** format 2: the random salt of reasonDigest; erased with the reason */
  @Column({ type: 'text', nullable: true }) reasonSalt!: string | null;
  /** format 2: sha256 over salt and reason, the form in which the reason is chained */
  @Column({ type: 'char', length: 64, nullable: true }) reasonDigest!: string | null;
  /** when retention erased the reason (null while it is there) */
  @Column({ type: 'timestamptz', nullable: true }) reasonErasedAt!: Date | null;
}


@Entity('request_outcomes')
export class RequestOutcomeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('ix_request_outcomes_request') @Column({ type: 'uuid' }) requestId!: string;
  /** follow-up moment: 3, 6 or 12 months */
  @Column({ type: 'int' }) months!: number;
  @Column({ type: 'text' }) goalReached!: 'yes' | 'partly' | 'no';
  @Column({ type: 'boolean', default: false }) solvedWithoutMoney!: boolean;
  @Column({ type: 'jsonb', default: () => "'[]'" }) lines!: OutcomeLine[];
  @Column({ type: 'text', default: '' }) note!: string;
  @Column({ type: 'uuid' }) recordedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
