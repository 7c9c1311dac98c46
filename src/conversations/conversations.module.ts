import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PERSON_SESSIONS } from '../auth/person-sessions.js';
import { Environment } from '../config/environment.js';
import { PeopleModule } from '../people/people.module.js';
import { SessionsService } from '../people/sessions.service.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { ConversationEvents } from './conversation-events.js';
import { ConversationsResolver } from './conversations.resolver.js';
import { ConversationsService } from './conversations.service.js';
import { InProcessConversationEvents } from './in-process-events.js';
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

/** Conversations between people who sign in: direct contact, staff conversations, live updates. */
@Module({
  imports: [PeopleModule, RateLimitsModule],
  providers: [
    {
      provide: ConversationEvents,
      inject: [Environment, getDataSourceToken()],
      useFactory: eventsFor,
    },
    { provide: PERSON_SESSIONS, useExisting: SessionsService },
    MessagesService,
    ConversationsService,
    LiveService,
    ConversationsResolver,
    MessagesResolver,
  ],
  exports: [ConversationEvents],
})
export class ConversationsModule {}
