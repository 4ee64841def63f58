import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Web sessions (connect-pg-simple's table layout), so several app instances can serve one user. */
@Entity('user_sessions')
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar' }) sid!: string;
  @Column({ type: 'json' }) sess!: unknown;
  @Index('ix_user_sessions_expire') @Column({ type: 'timestamp', precision: 6 }) expire!: Date;
}
