import type { ConversationEntity } from './conversation.entity.js';
import type { Named } from './message-authors.js';
import type { MessageEntity } from './message.entity.js';
import {
  ConversationModel,
  ConversationPersonModel,
  MessageModel,
} from './models/conversation.model.js';
import type { ParticipantEntity } from './participant.entity.js';

/** A name and an id: never the address, whoever reads (conversation.model.ts). */
export const toConversationPerson = (person: Named): ConversationPersonModel =>
  Object.assign(new ConversationPersonModel(), { id: person.id, name: person.name });

export const toMessageModel = (
  message: MessageEntity,
  author: Named | null | undefined,
): MessageModel =>
  Object.assign(new MessageModel(), {
    id: message.id,
    conversationId: message.conversationId,
    seq: message.seq,
    body: message.deletedAt ? null : message.body,
    deleted: message.deletedAt !== null,
    author: author ? toConversationPerson(author) : null,
    createdAt: message.createdAt,
    editedAt: message.deletedAt ? null : message.editedAt,
  });

/** `own`: the caller's participation; null for staff reading along. */
export const toConversationModel = (
  conversation: ConversationEntity,
  own: ParticipantEntity | null,
  unreadCount: number,
): ConversationModel =>
  Object.assign(new ConversationModel(), {
    id: conversation.id,
    subject: conversation.subject,
    kind: conversation.kind,
    startedAt: conversation.createdAt,
    lastMessageAt: conversation.lastMessageAt,
    unreadCount,
    muted: own?.muted ?? false,
    lastReadMessageId: own?.lastReadMessageId ?? null,
  });
