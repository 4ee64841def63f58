import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A stored response for an Idempotency-Key, written in the same transaction as its effect. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'text' }) scope!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ type: 'text' }) method!: string;
  @Column({ type: 'text' }) path!: string;
  @Column({ type: 'char', length: 64 }) requestHash!: string;
  @Column({ type: 'int' }) responseStatus!: number;
  @Column({ type: 'jsonb', nullable: true }) responseBody!: unknown;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
