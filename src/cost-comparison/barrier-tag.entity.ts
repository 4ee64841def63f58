import { Column, Entity } from 'typeorm';

/** Configurable list of system barriers (systeemknelpunten) a request can be tagged with. */
@Entity('barrier_tags')
export class BarrierTagEntity {
  @Column({ type: 'text', primary: true }) key!: string;
  @Column({ type: 'text' }) labelNl!: string;
  @Column({ type: 'text' }) labelEn!: string;
  @Column({ type: 'int', default: 0 }) position!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
}
