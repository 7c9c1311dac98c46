import { Column, Entity, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { PersonEntity } from '../people/person.entity.js';
import { ConversationGuestEntity } from './conversation-guest.entity.js';
import { ConversationEntity } from './conversation.entity.js';

/**
 * A message: plain text, never rendered as HTML by Kenner. A deleted message keeps its place
 * (`deletedAt`, body null) so the thread and read pointers stay as they were.
 */
@Entity('messages')
@Unique(['conversationId', 'seq'])
export class MessageEntity extends KennerEntity {
  @Column({ type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversationId' })
  conversation?: Relation<ConversationEntity>;

  /** Its place in the conversation: 1, 2, 3… */
  @Column({ type: 'int' })
  seq!: number;

  /**
   * Null when a guest wrote it, and once the author's account is gone: an erasure
   * (personal-data-of-conversations.ts) empties the message first, then the person row's deletion
   * sets this to null.
   */
  @Column({ type: 'uuid', nullable: true })
  authorPersonId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authorPersonId' })
  author?: Relation<PersonEntity>;

  /** Set instead of the person when a guest wrote it (a requester by their link). */
  @Column({ type: 'uuid', nullable: true })
  authorGuestId!: string | null;

  @ManyToOne(() => ConversationGuestEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'authorGuestId' })
  authorGuest?: Relation<ConversationGuestEntity>;

  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ type: Date, nullable: true })
  editedAt!: Date | null;

  @Column({ type: Date, nullable: true })
  deletedAt!: Date | null;
}
