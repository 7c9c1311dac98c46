import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { InquiryEntity } from '../inquiries/inquiry.entity.js';

/** How a conversation began; the kind decides nothing about access (participants do). */
export enum ConversationKind {
  /** A member contacted an expert from the directory. */
  DIRECT = 'DIRECT',
  /** Staff introduced experts on an inquiry (a later slice of issue 16). */
  INQUIRY = 'INQUIRY',
  /** Staff started it with anyone. */
  STAFF = 'STAFF',
}

/**
 * A conversation: participants and messages. `lastSeq` numbers its messages: each new message
 * takes the next number under the row's lock, so read pointers are plain integers (Discourse's
 * last read post number) and ties of the clock never reorder a thread.
 */
@Entity('conversations')
export class ConversationEntity extends KennerEntity {
  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: ConversationKind;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  inquiryId!: string | null;

  @ManyToOne(() => InquiryEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'inquiryId' })
  inquiry?: Relation<InquiryEntity>;

  @Column({ type: 'int', default: 0 })
  lastSeq!: number;

  /** Set by the application (milliseconds kept on SQLite too): lists order by it. */
  @Index()
  @Column({ type: Date })
  lastMessageAt!: Date;
}
