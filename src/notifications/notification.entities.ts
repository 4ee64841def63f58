import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: one row per workflow event, written in the same transaction as the event.
 * The notifications worker turns it into inbox messages and mails after the commit, so a crash can
 * neither lose a notification nor send one for a step that was rolled back.
 */
@Entity('notification_outbox')
@Index('ix_notification_outbox_pending', ['createdAt'], { where: 'processed_at IS NULL' })
export class NotificationOutboxEntity {
  @PrimaryColumn({ type: 'uuid' }) eventId!: string;
  @Column({ type: 'uuid' }) requestId!: string;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) processedAt!: Date | null;
}

/** How a notification reaches its recipient by mail, besides the in-app inbox (Meldingen). */
export type MailStatus = 'none' | 'queued' | 'digest' | 'digested';

/** One message for one user: the in-app inbox (Meldingen), and the source of immediate and digest mails. */
@Entity('notifications')
@Index('ix_notifications_user_created', ['userId', 'createdAt'])
@Index('ix_notifications_digest', ['userId'], { where: "mail_status = 'digest'" })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Index('ix_notifications_request') @Column({ type: 'uuid', nullable: true }) requestId!: string | null;
  /** submitted, first_approval, second_approval_needed, approved, rejected, info_requested, reminder, escalation, … */
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'boolean', default: false }) urgent!: boolean;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) body!: string;
  /** path in the web UI, e.g. /approvals/<id> */
  @Column({ type: 'text' }) link!: string;
  /** makes fan-out and deadline checks idempotent across retries and app instances */
  @Index('uq_notifications_dedupe', { unique: true }) @Column({ type: 'text' }) dedupeKey!: string;
  @Column({ type: 'text', default: 'none' }) mailStatus!: MailStatus;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt!: Date | null;
}

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One e-mail to send over SMTP, with retries and backoff; claimed by one app instance at a time. */
@Entity('mail_deliveries')
@Index('ix_mail_deliveries_due', ['nextAttemptAt'], { where: "status IN ('pending', 'sending')" })
export class MailDeliveryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) toAddress!: string;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) textBody!: string;
  @Column({ type: 'text' }) htmlBody!: string;
  /** the notification it carries (null for a daily digest) */
  @Column({ type: 'uuid', nullable: true }) notificationId!: string | null;
  @Index('uq_mail_deliveries_dedupe', { unique: true }) @Column({ type: 'text' }) dedupeKey!: string;
  @Column({ type: 'text', default: 'pending' }) status!: DeliveryStatus;
  @Column({ type: 'int', default: 0 }) attempts!: number;
  @Column({ type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @Column({ type: 'text', nullable: true }) lastError!: string | null;
  @Column({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) sentAt!: Date | null;
}
