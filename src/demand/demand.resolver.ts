import { Args, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import { DemandGapsService } from './demand-gaps.service.js';
import { DemandGapsArgs } from './dto/demand-gaps.args.js';
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
  demandGaps(@Args() { since, limit }: DemandGapsArgs) {
    return this.gaps.gaps(since, limit);
  }
}
