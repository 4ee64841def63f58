import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

import type { LifeDomain } from './life-domains';

/** The person the money follows, known only by a pseudonymous code. No names, birth dates or BSN. */
@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index('uq_cases_code', { unique: true }) @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) neighbourhood!: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) lifeDomains!: LifeDomain[];
  @Column({ type: 'uuid' }) leadProfessionalId!: string;
  @Index('ix_cases_organisation') @Column({ type: 'uuid' }) organisationId!: string;
  @Column({ type: 'text', default: 'open' }) status!: 'open' | 'closed';
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}

/** Professionals who work on a case (besides the lead), and so may see it. */
@Entity('case_members')
export class CaseMemberEntity {
  @PrimaryColumn({ type: 'uuid' }) caseId!: string;
  @PrimaryColumn({ type: 'uuid' }) userId!: string;
}
