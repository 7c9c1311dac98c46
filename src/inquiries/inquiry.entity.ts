import { Column, Entity, Index, OneToMany, type Relation } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { InquiryStatus } from './inquiry-status.js';
import { InquiryTransitionEntity } from './inquiry-transition.entity.js';

/** A request for expertise sent through the directory ("direct contact"). */
@Entity('inquiries')
export class InquiryEntity extends KennerEntity {
  /** `KNR-2026-000123`: what the requester quotes; numbered per year. */
  @Column({ type: 'varchar', length: 20, unique: true })
  reference!: string;

  @Column({ type: 'varchar', length: 200 })
  requesterName!: string;

  @Column({ type: 'varchar', length: 200 })
  organisation!: string;

  @Column({ type: 'varchar', length: 320 })
  email!: string;

  /** ISO 3166-1 alpha-2. */
  @Column({ type: 'varchar', length: 2 })
  country!: string;

  /** Free text in English, French, German or Dutch: what matching reads. */
  @Column({ type: 'text' })
  description!: string;

  /** Storage ids of the techniques the requester named. */
  @Column({ type: 'simple-json' })
  technologyIds!: string[];

  @Column({ type: 'uuid', nullable: true })
  materialId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  sectorId!: string | null;

  @Column({ type: 'date', nullable: true })
  deadline!: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  radiusKm!: number | null;

  /** When the requester agreed to be contacted (submission needs it). */
  @Column({ type: Date })
  consentAt!: Date;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  status!: InquiryStatus;

  /** Who at the cluster handles it: a staff name or an API key id. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  assignee!: string | null;

  @OneToMany(() => InquiryTransitionEntity, (t) => t.inquiry)
  history?: Relation<InquiryTransitionEntity>[];
}
