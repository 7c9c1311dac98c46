import { Module } from '@nestjs/common';
import { MatchingResolver } from './matching.resolver.js';
import { MatchingService } from './matching.service.js';

/** From a request in free text to a ranked, explained shortlist of experts. */
@Module({ providers: [MatchingService, MatchingResolver], exports: [MatchingService] })
export class MatchingModule {}
