import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { PersonEntity } from '../people/person.entity.js';
import { AnswerEntity } from './answer.entity.js';
import { QuestionEntity } from './question.entity.js';

/**
 * A comment on a question (`answerId` null) or on one of its answers. `questionId` is set either
 * way, so access to a comment is always its question's.
 */
@Entity('forum_comments')
export class CommentEntity extends KennerEntity {
  @Index()
  @Column({ type: 'uuid' })
  questionId!: string;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'questionId' })
  question?: Relation<QuestionEntity>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  answerId!: string | null;

  @ManyToOne(() => AnswerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'answerId' })
  answer?: Relation<AnswerEntity> | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  authorPersonId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authorPersonId' })
  author?: Relation<PersonEntity> | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: Date, nullable: true })
  hiddenAt!: Date | null;
}
