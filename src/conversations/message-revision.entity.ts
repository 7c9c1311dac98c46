import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { KennerEntity } from '../common/entity-base.js';
import { MessageEntity } from './message.entity.js';

/** A message's text before an edit: edits replace the body and keep what it was here. */
@Entity('message_revisions')
export class MessageRevisionEntity extends KennerEntity {
  @Index()
  @Column({ type: 'uuid' })
  messageId!: string;

  @ManyToOne(() => MessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'messageId' })
  message?: Relation<MessageEntity>;

  @Column({ type: 'text' })
  body!: string;
}
