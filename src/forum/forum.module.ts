import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { SearchModule } from '../search/search.module.js';
import { ForumNotifications } from './forum-notifications.js';
import { ModerationResolver } from './moderation.resolver.js';
import { ModerationService } from './moderation.service.js';
import { PostsResolver } from './posts.resolver.js';
import { PostsService } from './posts.service.js';
import { QuestionsResolver } from './questions.resolver.js';
import { QuestionsService } from './questions.service.js';

/**
 * The Q&A forum of issue 16: questions in the technique taxonomy's top categories, answers,
 * comments, accepted answers, follows, and moderation. Who reads what is forum-access.ts.
 */
@Module({
  // SearchModule: every write marks its question's search document stale (SearchOutbox).
  imports: [NotificationsModule, RateLimitsModule, SearchModule],
  providers: [
    ForumNotifications,
    QuestionsService,
    PostsService,
    ModerationService,
    QuestionsResolver,
    PostsResolver,
    ModerationResolver,
  ],
  exports: [QuestionsService],
})
export class ForumModule {}
