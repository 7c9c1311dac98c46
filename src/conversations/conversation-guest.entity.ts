import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { ConversationEntity } from './conversation.entity.js';

/**
 * Someone without an account taking part in one conversation (an inquiry's requester), through
 * a personal link: the link's token is stored only as its SHA-256, as sessions are. One guest per
 * conversation; re-issuing a link replaces the hash, so the former link stops working.
 */
@Entity('conversation_guests')
export class ConversationGuestEntity extends KennerEntity {
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  conversationId!: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversationId' })
  conversation?: Relation<ConversationEntity>;

  /** How the others see them: the requester's name, never their address. */
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ type: Date })
  expiresAt!: Date;

  /** Set by staff (revokeConversationLink); a new link (issueConversationLink) clears it. */
  @Column({ type: Date, nullable: true })
  revokedAt!: Date | null;

  /** Recorded to the minute, as for sessions: staff see whether the link was ever used. */
  @Column({ type: Date, nullable: true })
  lastUsedAt!: Date | null;
}
