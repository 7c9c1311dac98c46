import { Column, Entity, Index, JoinTable, ManyToMany, type Relation } from 'typeorm';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { KennerEntity } from '../common/entity-base.js';

export enum OrganisationType {
  COMPANY = 'COMPANY',
  RESEARCH_INSTITUTE = 'RESEARCH_INSTITUTE',
  UNIVERSITY = 'UNIVERSITY',
  TESTING_LAB = 'TESTING_LAB',
  PUBLIC_BODY = 'PUBLIC_BODY',
  OTHER = 'OTHER',
}

@Entity('organisations')
export class OrganisationEntity extends KennerEntity {
  @Index()
  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 50, nullable: true })
  acronym!: string | null;

  @Column({ type: 'simple-json' })
  aliases!: string[];

  @Column({ type: 'varchar', length: 30 })
  type!: OrganisationType;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  website!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  city!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  region!: string | null;

  /** ISO 3166-1 alpha-2. */
  @Index()
  @Column({ type: 'varchar', length: 2 })
  country!: string;

  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  /** The ROR id as its URL (`https://ror.org/…`), the key imports upsert by. */
  @Column({ type: 'varchar', length: 100, nullable: true, unique: true })
  rorId!: string | null;

  @ManyToMany(() => ClusterEntity)
  @JoinTable({
    name: 'organisation_clusters',
    joinColumn: { name: 'organisationId' },
    inverseJoinColumn: { name: 'clusterId' },
  })
  clusters?: Relation<ClusterEntity>[];
}
