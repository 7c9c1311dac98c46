import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';

export enum AccessMode {
  INTERNAL_ONLY = 'INTERNAL_ONLY',
  COLLABORATION = 'COLLABORATION',
  PAID_SERVICE = 'PAID_SERVICE',
}

@Entity('instruments')
export class InstrumentEntity extends KennerEntity {
  @Index()
  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  model!: string | null;

  @Index()
  @Column('uuid')
  technologyId!: string;

  @ManyToOne(() => TechnologyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'technologyId' })
  technology?: Relation<TechnologyEntity>;

  @Index()
  @Column('uuid')
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisationId' })
  organisation?: Relation<OrganisationEntity>;

  @Column({ type: 'varchar', length: 30 })
  accessMode!: AccessMode;

  @Column({ type: 'text', default: '' })
  description!: string;
}
