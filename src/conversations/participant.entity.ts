import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { PersonEntity } from '../people/person.entity.js';
import { ConversationGuestEntity } from './conversation-guest.entity.js';
import { ConversationEntity } from './conversation.entity.js';

/** What a participant is in a conversation: shown to the others, decides nothing of access. */
export enum ParticipantRole {
  MEMBER = 'MEMBER',
  EXPERT = 'EXPERT',
  STAFF = 'STAFF',
  /** An inquiry's requester without an account, by a personal link (conversation_guests). */
  GUEST = 'GUEST',
}

/**
 * A person in a conversation, with their own read pointer and mute. A removed participant keeps
 * the row (`removedAt`), so what they wrote stays attributed, but reads nothing more. A guest
 * (GUEST) has no person: `guestId` instead of `personId`, exactly one of the two is set.
 */
@Entity('conversation_participants')
@Unique(['conversationId', 'personId'])
export class ParticipantEntity extends KennerEntity {
  @Column({ type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversationId' })
  conversation?: Relation<ConversationEntity>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  person?: Relation<PersonEntity>;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  guestId!: string | null;

  @ManyToOne(() => ConversationGuestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'guestId' })
  guest?: Relation<ConversationGuestEntity>;

  @Column({ type: 'varchar', length: 10 })
  role!: ParticipantRole;

  /** `seq` of the last message read: every message above it, by someone else, is unread. */
  @Column({ type: 'int', default: 0 })
  lastReadSeq!: number;

  @Column({ type: 'uuid', nullable: true })
  lastReadMessageId!: string | null;

  @Column({ type: Date, nullable: true })
  readAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  muted!: boolean;

  /** `seq` up to which a digest mail already told them of unread messages (message-digests.ts). */
  @Column({ type: 'int', default: 0 })
  digestedSeq!: number;

  @Column({ type: Date, nullable: true })
  removedAt!: Date | null;
}
