import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { PersonEntity } from '../people/person.entity.js';
import { QuestionEntity } from './question.entity.js';

/** What kind of post an id names, in reports and moderation. */
export enum PostKind {
  QUESTION = 'QUESTION',
  ANSWER = 'ANSWER',
  COMMENT = 'COMMENT',
}

/**
 * A member's report of a post to staff. Open until staff hide or restore the post (`resolvedAt`);
 * the queue lists open reports. `questionId` is the post's question, so reports go with it.
 */
@Entity('forum_reports')
export class ReportEntity extends KennerEntity {
  @Column({ type: 'varchar', length: 10 })
  postKind!: PostKind;

  @Index()
  @Column({ type: 'uuid' })
  postId!: string;

  @Index()
  @Column({ type: 'uuid' })
  questionId!: string;

  @ManyToOne(() => QuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'questionId' })
  question?: Relation<QuestionEntity>;

  /** Null once the reporter's account is gone. */
  @Column({ type: 'uuid', nullable: true })
  reporterPersonId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reporterPersonId' })
  reporter?: Relation<PersonEntity> | null;

  @Column({ type: 'varchar', length: 1000 })
  reason!: string;

  /** Set by the application (milliseconds kept on SQLite too): the queue pages by it. */
  @Column({ type: Date })
  reportedAt!: Date;

  /** When staff acted on the post (hid or restored it); null: in the queue. */
  @Index()
  @Column({ type: Date, nullable: true })
  resolvedAt!: Date | null;
}
