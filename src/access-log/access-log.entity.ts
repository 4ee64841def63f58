import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ACCESS_CHANNELS = ['web', 'api', 'cli'] as const;
export type AccessChannel = (typeof ACCESS_CHANNELS)[number];

/**
 * What was looked at. Reads of one case's data (`case.read`, `request.read`, `justification.pdf`)
 * carry the case; exports carry what was exported in `detail` (fund, period), never its content.
 * `retention.preview` (a dry run) and `retention.run` (an erasure) list the expired cases' codes and
 * closing dates; their detail says how many.
 */
export const ACCESS_ACTIONS = [
  'case.read', 'request.read', 'justification.pdf', 'export.requests_csv', 'export.ledger_csv', 'export.steering_pdf', 'export.access_log_csv',
  'retention.preview', 'retention.run',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** One row per read, in the spirit of NEN 7513. Append-only: the database refuses UPDATE/DELETE/TRUNCATE. */
@Entity('access_log')
@Check('ck_access_log_channel', `"channel" IN ('web', 'api', 'cli')`)
export class AccessLogEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_access_log' }) id!: string;
  @Index('ix_access_log_occurred') @Column({ type: 'timestamptz', default: () => 'now()' }) occurredAt!: Date;
  /** null for the command line run by an operator without an account */
  @Index('ix_access_log_user') @Column({ type: 'uuid', nullable: true }) userId!: string | null;
  /** kept as it was at the time, so the log stays readable when the account changes */
  @Column({ type: 'text' }) userEmail!: string;
  @Column({ type: 'text' }) channel!: AccessChannel;
  @Column({ type: 'text' }) action!: AccessAction;
  @Index('ix_access_log_case') @Column({ type: 'uuid', nullable: true }) caseId!: string | null;
  /** the request (for request reads and justifications) */
  @Column({ type: 'uuid', nullable: true }) subjectId!: string | null;
  /** parameters of an export (fund, period); never case content */
  @Column({ type: 'text', default: '' }) detail!: string;
}
