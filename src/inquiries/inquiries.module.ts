import { Module } from '@nestjs/common';
import { InquiriesResolver } from './inquiries.resolver.js';
import { InquiriesService } from './inquiries.service.js';

@Module({
  providers: [InquiriesService, InquiriesResolver],
  exports: [InquiriesService],
})
export class InquiriesModule {}
