import Decimal from 'decimal.js';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { moneyColumn } from '../database/decimal.transformer';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** privacy_officer: the "functionaris gegevensbescherming", who reads the access log */
export const ROLES = ['professional', 'budget_holder', 'steering_group', 'admin', 'privacy_officer'] as const;
export type Role = (typeof ROLES)[number];

/** Mails about non-urgent requests at once, or bundled in one mail a day; urgent ones are always immediate. */
export const NOTIFICATION_MODES = ['immediate', 'daily_digest'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** stored lower-case; unique */
  @Index('uq_users_email', { unique: true }) @Column({ type: 'text' }) email!: string;
  @Column({ type: 'text' }) displayName!: string;
  @Column({ type: 'text' }) passwordHash!: string;
  @Column({ type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) organisation?: OrganisationEntity;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) roles!: Role[];
  /** personal mandate for spending without approval; null → the fund's requesterMandate */
  @Column({ ...moneyColumn, nullable: true }) mandate!: Decimal | null;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  @Column({ type: 'text', default: 'immediate' }) notificationMode!: NotificationMode;
  /** bumped when credentials or roles change; tokens and sessions of an older version are dead */
  @Column({ type: 'int', default: 0 }) tokenVersion!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
