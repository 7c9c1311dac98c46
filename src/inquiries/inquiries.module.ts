import { Module } from '@nestjs/common';
import { DemandModule } from '../demand/demand.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { InquiriesResolver } from './inquiries.resolver.js';
import { InquiriesService } from './inquiries.service.js';

@Module({
  imports: [NotificationsModule, DemandModule],
  providers: [InquiriesService, InquiriesResolver],
  exports: [InquiriesService],
})
export class InquiriesModule {}
