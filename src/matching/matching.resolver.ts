import { Args, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import { MatchExpertsInput } from './dto/match-experts.input.js';
import { MatchingService } from './matching.service.js';
import { MatchResult } from './models/expert-match.model.js';

@Resolver()
export class MatchingResolver {
  constructor(private readonly matching: MatchingService) {}

  @Requires(Role.STAFF)
  @Query(() => MatchResult, {
    description:
      'Staff: the experts for a request in free text, ranked, each with why it matches. Staff only.',
  })
  matchExperts(@Args('input') input: MatchExpertsInput) {
    return this.matching.match(input);
  }
}
