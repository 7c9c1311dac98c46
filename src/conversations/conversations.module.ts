import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CONVERSATION_GUESTS } from '../auth/conversation-guests.js';
import { PERSON_SESSIONS } from '../auth/person-sessions.js';
import { Environment } from '../config/environment.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PeopleModule } from '../people/people.module.js';
import { SessionsService } from '../people/sessions.service.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { ConversationEvents } from './conversation-events.js';
import { ConversationsResolver } from './conversations.resolver.js';
import { ConversationsService } from './conversations.service.js';
import { GuestLinksResolver, InquiryConversationResolver } from './guest-links.resolver.js';
import { GuestLinksService } from './guest-links.service.js';
import { InProcessConversationEvents } from './in-process-events.js';
import { InquiryConversationsService } from './inquiry-conversations.service.js';
import { LiveService } from './live.service.js';
import { MessageDigests } from './message-digests.service.js';
import { MessagesResolver } from './messages.resolver.js';
import { MessagesService } from './messages.service.js';
import { PersonalDataOfConversations } from './personal-data-of-conversations.js';
import { PostgresConversationEvents } from './postgres-events.js';
import { RedisConversationEvents } from './redis-events.js';

/**
 * The event bus, first that applies: Redis pub/sub when REDIS_URL is set (the deployment already
 * runs Redis for its shared limits); LISTEN/NOTIFY on PostgreSQL; in process on SQLite (one
 * process). The embedded default needs nothing besides the app.
 */
function eventsFor(env: Environment, db: DataSource): ConversationEvents {
  if (env.REDIS_URL) return new RedisConversationEvents(env.REDIS_URL, env.REDIS_KEY_PREFIX);
  return env.DATABASE_URL
    ? new PostgresConversationEvents(db, env.DATABASE_URL)
    : new InProcessConversationEvents();
}

/**
 * Conversations between people who sign in (direct contact, staff conversations, inquiry
 * introductions) and the guests of conversation links; live updates.
 */
@Module({
  imports: [PeopleModule, RateLimitsModule, NotificationsModule],
  providers: [
    {
      provide: ConversationEvents,
      inject: [Environment, getDataSourceToken()],
      useFactory: eventsFor,
    },
    { provide: PERSON_SESSIONS, useExisting: SessionsService },
    GuestLinksService,
    { provide: CONVERSATION_GUESTS, useExisting: GuestLinksService },
    InquiryConversationsService,
    GuestLinksResolver,
    InquiryConversationResolver,
    MessagesService,
    ConversationsService,
    LiveService,
    ConversationsResolver,
    MessagesResolver,
    MessageDigests,
    PersonalDataOfConversations,
  ],
  exports: [
    ConversationEvents,
    GuestLinksService,
    InquiryConversationsService,
    MessagesService,
    PersonalDataOfConversations,
  ],
})
export class ConversationsModule {}
