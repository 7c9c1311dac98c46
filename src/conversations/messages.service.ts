import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { type Caller, isStaff } from '../auth/caller.js';
import { badInput, DomainError, ErrorCode, notFound } from '../common/errors/domain-error.js';
import { ownConversation, personOf, readableConversation } from './conversation-access.js';
import { ConversationEvents } from './conversation-events.js';
import { ConversationEntity } from './conversation.entity.js';
import { toMessageModel } from './conversation.mapper.js';
import { authorsOf } from './message-authors.js';
import { MessageRevisionEntity } from './message-revision.entity.js';
import { MessageEntity } from './message.entity.js';
import type { MessageModel } from './models/conversation.model.js';
import { ParticipantEntity } from './participant.entity.js';
import { PostingLimit } from '../rate-limits/posting-limit.js';

/** Who wrote a message: a person, or a guest by their link; exactly one is set. */
export interface Author {
  personId: string | null;
  guestId: string | null;
}

const authorOf = (own: ParticipantEntity): Author => ({
  personId: own.personId,
  guestId: own.personId ? null : own.guestId,
});

/** Writes of messages and of one's own participation; every one checks access first. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: ConversationEvents,
    private readonly limit: PostingLimit,
  ) {}

  /** By a participant: a signed-in person or the guest of a conversation link. */
  async send(caller: Caller, conversationId: string, body: string): Promise<MessageModel> {
    const message = await this.db.transaction(async (em) => {
      const { own } = await ownConversation(em, caller, conversationId);
      const author = authorOf(own);
      // A guest's posts count under their guest id: ids are UUIDs, so no person shares it.
      await this.limit.count(author.personId ?? author.guestId ?? '', 'body');
      return this.insert(em, conversationId, author, body);
    });
    await this.announce(message);
    return this.model(message);
  }

  /**
   * Adds a message as the conversation's next number: the UPDATE takes the conversation's row
   * lock, so concurrent posts are numbered one after the other. The author has read their own.
   */
  async insert(
    em: EntityManager,
    conversationId: string,
    author: Author,
    body: string,
  ): Promise<MessageEntity> {
    const now = new Date();
    await em
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ lastSeq: () => '"lastSeq" + 1', lastMessageAt: now })
      .where('id = :conversationId', { conversationId })
      .execute();
    const { lastSeq } = await em.findOneByOrFail(ConversationEntity, { id: conversationId });
    const message = await em.save(
      em.create(MessageEntity, {
        conversationId,
        seq: lastSeq,
        authorPersonId: author.personId,
        authorGuestId: author.guestId,
        body,
        editedAt: null,
        deletedAt: null,
      }),
    );
    await em.update(
      ParticipantEntity,
      author.personId
        ? { conversationId, personId: author.personId }
        : { conversationId, guestId: author.guestId ?? '' },
      { lastReadSeq: lastSeq, lastReadMessageId: message.id, readAt: now },
    );
    return message;
  }

  /** After the commit: live subscribers, and the other participants' unread counts. */
  async announce(message: MessageEntity): Promise<void> {
    const { conversationId } = message;
    await this.events.publish({ kind: 'message', conversationId, messageId: message.id });
    await this.unreadChanged(conversationId, message.authorPersonId);
  }

  async edit(caller: Caller, id: string, body: string): Promise<MessageModel> {
    const personId = personOf(caller);
    const message = await this.db.transaction(async (em) => {
      const message = await this.writable(em, caller, id);
      if (message.authorPersonId !== personId) {
        throw new DomainError(ErrorCode.FORBIDDEN, 'only its author edits a message');
      }
      await this.limit.count(personId, 'body');
      if (message.body !== null && message.body !== body) {
        await em.save(em.create(MessageRevisionEntity, { messageId: id, body: message.body }));
        message.body = body;
        message.editedAt = new Date();
        await em.save(message);
      }
      return message;
    });
    return this.model(message);
  }

  /** The author or staff; the text goes, with its revisions, and a placeholder stays. */
  async delete(caller: Caller, id: string): Promise<MessageModel> {
    const message = await this.db.transaction(async (em) => {
      const message = await em.findOneBy(MessageEntity, { id });
      if (!message) throw notFound('message', id);
      await readableConversation(em, caller, message.conversationId);
      const author = caller.personId !== undefined && message.authorPersonId === caller.personId;
      if (!author && !isStaff(caller)) {
        throw new DomainError(ErrorCode.FORBIDDEN, 'only its author or staff delete a message');
      }
      if (author && !isStaff(caller)) await ownConversation(em, caller, message.conversationId);
      if (message.deletedAt) return message;
      await em.delete(MessageRevisionEntity, { messageId: id });
      message.body = null;
      message.deletedAt = new Date();
      await em.save(message);
      return message;
    });
    await this.unreadChanged(message.conversationId, message.authorPersonId);
    return this.model(message);
  }

  /** Moves the caller's read pointer forward to this message, never back. */
  async markRead(caller: Caller, conversationId: string, upToMessageId: string): Promise<void> {
    const own = await this.db.transaction(async (em) => {
      const { own } = await ownConversation(em, caller, conversationId);
      const message = await em.findOneBy(MessageEntity, { id: upToMessageId, conversationId });
      if (!message) throw badInput('upToMessageId', 'is no message of this conversation');
      if (message.seq <= own.lastReadSeq) return own;
      await em.update(
        ParticipantEntity,
        { id: own.id },
        { lastReadSeq: message.seq, lastReadMessageId: message.id, readAt: new Date() },
      );
      return own;
    });
    // Unread counts are pushed to people only: a guest has no unreadCountChanged.
    if (own.personId) {
      await this.events.publish({ kind: 'unread', conversationId, personId: own.personId });
    }
  }

  async mute(caller: Caller, conversationId: string, muted: boolean): Promise<void> {
    const personId = personOf(caller);
    await this.db.transaction(async (em) => {
      const { own } = await ownConversation(em, caller, conversationId);
      await em.update(ParticipantEntity, { id: own.id }, { muted });
    });
    await this.events.publish({ kind: 'unread', conversationId, personId });
  }

  /**
   * Staff: the person reads and writes nothing more there, open subscriptions included. A guest
   * is named by the id the others see (`ConversationPerson.id`, their guest id).
   */
  async removeParticipant(caller: Caller, conversationId: string, personId: string) {
    const removed = await this.db.transaction(async (em) => {
      await readableConversation(em, caller, conversationId);
      const participant =
        (await em.findOneBy(ParticipantEntity, { conversationId, personId })) ??
        (await em.findOneBy(ParticipantEntity, { conversationId, guestId: personId }));
      if (!participant || participant.removedAt) {
        throw badInput('personId', 'is no current participant of this conversation');
      }
      await em.update(ParticipantEntity, { id: participant.id }, { removedAt: new Date() });
      return participant;
    });
    await this.events.publish({ kind: 'participants', conversationId });
    if (removed.personId) {
      await this.events.publish({ kind: 'unread', conversationId, personId: removed.personId });
    }
  }

  /** A message the caller may change: theirs to see, in a conversation they take part in. */
  private async writable(em: EntityManager, caller: Caller, id: string): Promise<MessageEntity> {
    const message = await em.findOneBy(MessageEntity, { id });
    if (!message) throw notFound('message', id);
    await ownConversation(em, caller, message.conversationId);
    if (message.deletedAt) throw badInput('id', 'the message was deleted');
    return message;
  }

  private async unreadChanged(conversationId: string, authorPersonId: string | null) {
    const others = await this.db.getRepository(ParticipantEntity).findBy({
      conversationId,
      removedAt: IsNull(),
      ...(authorPersonId ? { personId: Not(authorPersonId) } : {}),
    });
    for (const { personId } of others) {
      if (personId) await this.events.publish({ kind: 'unread', conversationId, personId });
    }
  }

  private async model(message: MessageEntity): Promise<MessageModel> {
    const authors = await authorsOf(this.db.manager, [message]);
    return toMessageModel(message, authors.get(message.id));
  }
}
