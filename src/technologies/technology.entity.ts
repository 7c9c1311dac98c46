import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';

/** An analytical technique, placed in a taxonomy tree (Microscopy > Electron microscopy > SEM). */
@Entity('technologies')
export class TechnologyEntity extends KennerEntity {
  @Column({ type: 'varchar', length: 150, unique: true })
  slug!: string;

  /** The English name; also the sort key for pagination. */
  @Index()
  @Column({ type: 'varchar', length: 300 })
  name!: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  nameFr!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  nameDe!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  nameNl!: string | null;

  @Column({ type: 'simple-json' })
  acronyms!: string[];

  @Column({ type: 'simple-json' })
  synonyms!: string[];

  @Column({ type: 'text', default: '' })
  description!: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => TechnologyEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId' })
  parent?: Relation<TechnologyEntity> | null;

  /**
   * The root this technique descends from (itself for a root). Kept by the service on every
   * move so that "all spectroscopy" is one indexed lookup, not a recursive query.
   */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  categoryId!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true, unique: true })
  chameoId!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true, unique: true })
  chmoId!: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  wikidataId!: string | null;
}
