import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { PersonEntity } from '../people/person.entity.js';
import { QuestionEntity } from './question.entity.js';

/** An answer to a question: plain text, never rendered as HTML by Kenner. */
@Entity('forum_answers')
export class AnswerEntity extends KennerEntity {
  @Index()
  @Column({ type: 'uuid' })
  questionId!: string;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'questionId' })
  question?: Relation<QuestionEntity>;

  /** Null once the author's account is gone (erasure). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  authorPersonId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authorPersonId' })
  author?: Relation<PersonEntity> | null;

  @Column({ type: 'text' })
  body!: string;

  /** Hidden by staff: only staff see it. Null: shown. */
  @Column({ type: Date, nullable: true })
  hiddenAt!: Date | null;
}
