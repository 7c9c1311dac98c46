import { Module } from '@nestjs/common';
import { InquiriesModule } from '../inquiries/inquiries.module.js';
import { MatchingResolver } from './matching.resolver.js';
import { MatchingService } from './matching.service.js';

/** From a request in free text to a ranked, explained shortlist of experts. */
@Module({
  imports: [InquiriesModule],
  providers: [MatchingService, MatchingResolver],
  exports: [MatchingService],
})
export class MatchingModule {}
