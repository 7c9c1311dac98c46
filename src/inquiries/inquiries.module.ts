import { Module } from '@nestjs/common';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { DemandModule } from '../demand/demand.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { InquiriesResolver } from './inquiries.resolver.js';
import { InquiriesService } from './inquiries.service.js';
import { InquiryLimits } from './inquiry-limits.js';

@Module({
  imports: [NotificationsModule, DemandModule, RateLimitsModule, ConversationsModule],
  providers: [InquiriesService, InquiriesResolver, InquiryLimits],
  exports: [InquiriesService],
})
export class InquiriesModule {}
