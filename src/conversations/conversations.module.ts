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
import { MessagesResolver } from './messages.resolver.js';
import { MessagesService } from './messages.service.js';
import { PostgresConversationEvents } from './postgres-events.js';

/** In process on SQLite (one process); LISTEN/NOTIFY across processes on PostgreSQL. */
function eventsFor(env: Environment, db: DataSource): ConversationEvents {
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
  ],
  exports: [ConversationEvents, GuestLinksService, InquiryConversationsService, MessagesService],
})
export class ConversationsModule {}
