import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  type Relation,
} from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { MaterialEntity, SectorEntity } from '../vocabularies/vocabulary-entry.entity.js';
import { ExpertSkillEntity } from './expert-skill.entity.js';

export enum Visibility {
  PUBLIC = 'PUBLIC',
  MEMBERS = 'MEMBERS',
  STAFF = 'STAFF',
}

export enum ServiceKind {
  FAILURE_ANALYSIS = 'FAILURE_ANALYSIS',
  QUALITY_CONTROL = 'QUALITY_CONTROL',
  RESEARCH_AND_DEVELOPMENT = 'RESEARCH_AND_DEVELOPMENT',
  TRAINING = 'TRAINING',
  CONSULTING = 'CONSULTING',
  CERTIFICATION = 'CERTIFICATION',
}

@Entity('experts')
export class ExpertEntity extends KennerEntity {
  @Index()
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  jobTitle!: string;

  @Column({ type: 'text', default: '' })
  bio!: string;

  @Index()
  @Column('uuid')
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Relation<OrganisationEntity>;

  /** ISO 639-1 codes. */
  @Column({ type: 'simple-json' })
  languages!: string[];

  @Column({ type: 'simple-json' })
  services!: ServiceKind[];

  @Column({ type: 'varchar', length: 10 })
  visibility!: Visibility;

  /** Stored lower-cased: the unique key imports upsert by. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email!: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  phone!: string | null;

  /** The day the person agreed to be listed (GDPR Art. 7 proof). */
  @Column({ type: 'date', nullable: true })
  consentAt!: string | null;

  /** The day the profile was last confirmed as right (by its expert, or set by staff). */
  @Index()
  @Column({ type: 'date', nullable: true })
  lastVerifiedAt!: string | null;

  /**
   * When Kenner last mailed the expert to confirm the profile (profiles/profile-reminders.ts): at
   * most one reminder per PROFILE_REMINDER_MONTHS.
   */
  @Column({ type: Date, nullable: true })
  profileReminderSentAt!: Date | null;

  /** False: the expert asked not to be contacted directly (introductions go through staff). */
  @Column({ type: 'boolean', default: true })
  acceptsDirectContact!: boolean;

  /** False: the expert asked not to be mailed new forum questions on their techniques. */
  @Column({ type: 'boolean', default: true })
  notifyOfQuestions!: boolean;

  @OneToMany(() => ExpertSkillEntity, (skill) => skill.expert, { cascade: true })
  skills?: Relation<ExpertSkillEntity>[];

  @ManyToMany(() => MaterialEntity)
  @JoinTable({
    name: 'expert_materials',
    joinColumn: { name: 'expertId' },
    inverseJoinColumn: { name: 'materialId' },
  })
  materials?: Relation<MaterialEntity>[];

  @ManyToMany(() => SectorEntity)
  @JoinTable({
    name: 'expert_sectors',
    joinColumn: { name: 'expertId' },
    inverseJoinColumn: { name: 'sectorId' },
  })
  sectors?: Relation<SectorEntity>[];
}
