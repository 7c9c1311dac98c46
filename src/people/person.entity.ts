import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, type Relation } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { Language } from '../common/i18n/language.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';

/** Cluster staff, set only by staff (ADMIN only by an admin); everyone else has none. */
export enum StaffRole {
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
}

/**
 * Someone who signs in: a member of an organisation, an expert, cluster staff. What they may see
 * follows from these memberships (person-roles.ts), never from anything sent with a request.
 */
@Entity('people')
export class PersonEntity extends KennerEntity {
  /** Stored lower-cased, so one address is one person whatever its spelling. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email!: string;

  /** Empty for someone who signed in by their organisation's domain and gave no name yet. */
  @Column({ type: 'varchar', length: 200, default: '' })
  name!: string;

  @Column({ type: 'varchar', length: 2 })
  preferredLanguage!: Language;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ type: 'varchar', length: 10, nullable: true })
  staffRole!: StaffRole | null;

  /** The expert profile that is theirs: one person per profile (the one-to-one makes it unique). */
  @Column({ type: 'uuid', nullable: true })
  expertId!: string | null;

  @OneToOne(() => ExpertEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'expertId' })
  expert?: Relation<ExpertEntity>;

  @Column({ type: Date, nullable: true })
  lastSignInAt!: Date | null;
}
