import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import { CONVERSATION_GUESTS, type ConversationGuests } from '../auth/conversation-guests.js';
import { PERSON_SESSIONS, type PersonSessions } from '../auth/person-sessions.js';
import { personOf, readableConversation } from './conversation-access.js';
import { ConversationEvents } from './conversation-events.js';
import { toMessageModel } from './conversation.mapper.js';
import { END, LiveFeed } from './live-feed.js';
import { MessageEntity } from './message.entity.js';
import type { MessageModel, UnreadCountChangeModel } from './models/conversation.model.js';
import { authorsOf } from './message-authors.js';
import { unreadByConversation, unreadTotal } from './unread-counts.js';
import { within } from '../common/time/within.js';

const READY_WAIT_MS = 2_000;

/**
 * Subscriptions. Events carry ids; every event is loaded again as the subscriber, whose session
 * and participation are checked each time: a signed-out session or a removed participant ends
 * the subscription at the next event that reaches it; so does a revoked or expired guest link.
 */
@Injectable()
export class LiveService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: ConversationEvents,
    @Inject(PERSON_SESSIONS) private readonly sessions: PersonSessions,
    @Inject(CONVERSATION_GUESTS) private readonly guests: ConversationGuests,
  ) {}

  async messageAdded(caller: Caller, conversationId: string): Promise<LiveFeed<MessageModel>> {
    if (!caller.guest) personOf(caller);
    await readableConversation(this.db.manager, caller, conversationId);
    const feed = new LiveFeed(
      this.events,
      (event) => event.conversationId === conversationId,
      async (event) => {
        const current = await this.stillAllowed(caller, conversationId);
        if (!current) return END;
        if (event.kind !== 'message') return null;
        const message = await this.db
          .getRepository(MessageEntity)
          .findOneBy({ id: event.messageId, conversationId });
        if (!message) return null;
        const authors = await authorsOf(this.db.manager, [message]);
        return toMessageModel(message, authors.get(message.id));
      },
    );
    return this.whenLive(feed);
  }

  async unreadCountChanged(caller: Caller): Promise<LiveFeed<UnreadCountChangeModel>> {
    const personId = personOf(caller);
    const feed = new LiveFeed(
      this.events,
      (event) => event.kind === 'unread' && event.personId === personId,
      async (event) => {
        const current = await this.sessions.resolveId(caller.sessionId ?? '');
        if (current?.personId !== personId) return END;
        const counts = await unreadByConversation(this.db.manager, personId, [
          event.conversationId,
        ]);
        return {
          conversationId: event.conversationId,
          unreadCount: counts.get(event.conversationId) ?? 0,
          unreadMessageCount: await unreadTotal(this.db.manager, personId),
        };
      },
    );
    return this.whenLive(feed);
  }

  /**
   * A feed is handed out once events sent by any process reach it: on PostgreSQL the first
   * subscription of a process opens its LISTEN connection, and a message sent before that is up
   * would not arrive live. A bus that cannot connect holds a subscription up to
   * READY_WAIT_MS; it then gets the events from whenever the bus is back.
   */
  private async whenLive<T>(feed: LiveFeed<T>): Promise<LiveFeed<T>> {
    try {
      await within(this.events.ready(), READY_WAIT_MS, () => undefined);
    } catch (error) {
      await feed.return();
      throw error;
    }
    return feed;
  }

  /**
   * The session still stands for the same person (or the guest's link is the same one, neither
   * revoked, re-issued nor expired), who still reads the conversation.
   */
  private async stillAllowed(caller: Caller, conversationId: string): Promise<boolean> {
    const current = caller.guest
      ? await this.guests.resolveId(caller.guest.id)
      : await this.sessions.resolveId(caller.sessionId ?? '');
    if (!current || current.personId !== caller.personId) return false;
    if (current.guest?.tokenHash !== caller.guest?.tokenHash) return false;
    try {
      await readableConversation(this.db.manager, current, conversationId);
      return true;
    } catch {
      return false;
    }
  }
}
