import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';

export enum FaqStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

/**
 * A question and its answer, curated by staff, in up to four languages (each optional, at least
 * one). A column per language rather than a translations table: four fixed languages, always
 * read together, and the search projection reads one row per entry.
 */
@Entity('faq_entries')
@Index(['categoryId', 'position'])
export class FaqEntryEntity extends KennerEntity {
  /** The root technique of its category; null is `general` (technologies/exchange-categories.ts). */
  @Column({ type: 'uuid', nullable: true })
  categoryId!: string | null;

  @ManyToOne(() => TechnologyEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'categoryId' })
  category?: Relation<TechnologyEntity> | null;

  /** Place within its category, smallest first; ties by creation. */
  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Column({ type: 'varchar', length: 10 })
  status!: FaqStatus;

  @Column({ type: Date, nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'text', nullable: true }) questionEn!: string | null;
  @Column({ type: 'text', nullable: true }) answerEn!: string | null;
  @Column({ type: 'text', nullable: true }) questionFr!: string | null;
  @Column({ type: 'text', nullable: true }) answerFr!: string | null;
  @Column({ type: 'text', nullable: true }) questionDe!: string | null;
  @Column({ type: 'text', nullable: true }) answerDe!: string | null;
  @Column({ type: 'text', nullable: true }) questionNl!: string | null;
  @Column({ type: 'text', nullable: true }) answerNl!: string | null;

  /**
   * The forum answer this entry was drafted from: a copy was taken, the link only says where it
   * came from (the answer may change or go; the entry stays as staff edited it).
   */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  sourceAnswerId!: string | null;
}
