import { Column, Entity } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';

/** Materials and sectors are controlled vocabularies: a slug plus names in the region's languages. */
export abstract class VocabularyEntryEntity extends KennerEntity {
  @Column({ type: 'varchar', length: 100, unique: true })
  slug!: string;

  /** The English name; also the sort key for pagination. */
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nameFr!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nameDe!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  nameNl!: string | null;
}

@Entity('materials')
export class MaterialEntity extends VocabularyEntryEntity {}

@Entity('sectors')
export class SectorEntity extends VocabularyEntryEntity {}
