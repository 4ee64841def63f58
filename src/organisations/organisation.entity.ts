import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a partner organisation is. A mental-health (GGZ) or addiction-care institution provides care;
 * the care is paid by a health insurer (Zvw) or the municipality, so it is not a health insurer.
 */
export const ORGANISATION_KINDS = ['municipality', 'mental_health', 'addiction_care', 'housing', 'police', 'welfare', 'health_insurer', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

@Entity('organisations')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) name!: string;
  @Column({ type: 'text' }) kind!: OrganisationKind;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
