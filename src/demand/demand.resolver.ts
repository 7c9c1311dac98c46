import { Args, GraphQLISODateTime, Int, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import { badInput } from '../common/errors/domain-error.js';
import { DemandGapsService } from './demand-gaps.service.js';
import { DemandGaps } from './models/demand-gaps.models.js';

@Resolver()
export class DemandResolver {
  constructor(private readonly gaps: DemandGapsService) {}

  @Requires(Role.STAFF)
  @Query(() => DemandGaps, {
    description:
      'Techniques asked for (in searches and inquiries) with few or no experts, and the most ' +
      'frequent searches that found nothing. Staff only.',
  })
  demandGaps(
    @Args('since', { type: () => GraphQLISODateTime }) since: Date,
    @Args('limit', { type: () => Int, defaultValue: 20 }) limit: number,
  ) {
    if (limit < 1 || limit > 100) throw badInput('limit', 'must be between 1 and 100');
    return this.gaps.gaps(since, limit);
  }
}
