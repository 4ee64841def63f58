import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Which narrative fields of a case were erased, when, and how many of each (append-only). */
export interface ErasedFields {
  [tableDotColumn: string]: number;
}

@Entity('retention_erasures')
export class RetentionErasureEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_retention_erasures' }) id!: string;
  @Column({ type: 'timestamptz' }) erasedAt!: Date;
  @Index('ix_retention_erasures_case') @Column({ type: 'uuid' }) caseId!: string;
  @Column({ type: 'timestamptz' }) caseClosedAt!: Date;
  @Column({ type: 'jsonb' }) fields!: ErasedFields;
  /** 'job' (the scheduled run) or 'cli' */
  @Column({ type: 'text' }) channel!: string;
}
