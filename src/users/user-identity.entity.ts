import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** A user's account at an OpenID Connect provider: (issuer, subject) is unique and points at one user. */
@Entity('user_identities')
@Index('uq_user_identities_issuer_subject', ['issuer', 'subject'], { unique: true })
export class UserIdentityEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_user_identities' }) id!: string;
  @Index('ix_user_identities_user') @Column({ type: 'uuid' }) userId!: string;
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_identities_user' })
  user?: UserEntity;
  @Column({ type: 'text' }) issuer!: string;
  @Column({ type: 'text' }) subject!: string;
  /** the OIDC_PROVIDERS id it was first linked through */
  @Column({ type: 'text' }) providerId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', default: () => 'now()' }) lastLoginAt!: Date;
}
