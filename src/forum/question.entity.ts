import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  type Relation,
} from 'typeorm';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { KennerEntity } from '../common/entity-base.js';
import { PersonEntity } from '../people/person.entity.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';

/** Who reads a question besides staff (forum-access.ts holds the rule). */
export enum QuestionVisibility {
  /** Signed-in people of an organisation in one of the question's clusters (the default). */
  MEMBERS = 'MEMBERS',
  /** Anyone, anonymous callers included; only staff choose it. */
  PUBLIC = 'PUBLIC',
}

/**
 * A question of the Q&A forum. It belongs to the clusters its asker's organisation was in when
 * asked (`clusters`), which decides who reads a MEMBERS question. `categoryId` is a root of the
 * technique taxonomy, or null for the GENERAL category; `techniques` names the techniques it is
 * about, so their experts can be told and search can use their synonyms.
 */
@Entity('forum_questions')
export class QuestionEntity extends KennerEntity {
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** A root technique (a top category); null: GENERAL. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  categoryId!: string | null;

  @ManyToOne(() => TechnologyEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'categoryId' })
  category?: Relation<TechnologyEntity> | null;

  /** Null once the asker's account is gone (erasure). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  askerPersonId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'askerPersonId' })
  asker?: Relation<PersonEntity> | null;

  @ManyToMany(() => ClusterEntity)
  @JoinTable({
    name: 'forum_question_clusters',
    joinColumn: { name: 'questionId' },
    inverseJoinColumn: { name: 'clusterId' },
  })
  clusters?: Relation<ClusterEntity>[];

  @ManyToMany(() => TechnologyEntity)
  @JoinTable({
    name: 'forum_question_techniques',
    joinColumn: { name: 'questionId' },
    inverseJoinColumn: { name: 'technologyId' },
  })
  techniques?: Relation<TechnologyEntity>[];

  @Column({ type: 'varchar', length: 10, default: QuestionVisibility.MEMBERS })
  visibility!: QuestionVisibility;

  /** Locked by staff: no new answers or comments. */
  @Column({ type: 'boolean', default: false })
  locked!: boolean;

  /** Hidden by staff: NOT_FOUND for everyone else. Null: shown. */
  @Column({ type: Date, nullable: true })
  hiddenAt!: Date | null;

  /** The answer the asker (or staff) accepted; an answer of this question. */
  @Column({ type: 'uuid', nullable: true })
  acceptedAnswerId!: string | null;

  /** Set by the application (asked, answered, commented): lists order by it. */
  @Index()
  @Column({ type: Date })
  lastActivityAt!: Date;
}
