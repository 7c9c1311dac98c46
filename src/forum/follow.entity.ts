import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { PersonEntity } from '../people/person.entity.js';
import { QuestionEntity } from './question.entity.js';

/** A person following a question: mailed each new answer. */
@Entity('forum_follows')
@Unique(['questionId', 'personId'])
export class FollowEntity extends KennerEntity {
  @Column({ type: 'uuid' })
  questionId!: string;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'questionId' })
  question?: Relation<QuestionEntity>;

  @Index()
  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Relation<PersonEntity>;
}
