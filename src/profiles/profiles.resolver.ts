import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Requires, SignedIn } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import { UpdateMyExpertProfileInput } from '../experts/dto/expert.inputs.js';
import { ExpertConnection } from '../experts/experts.resolver.js';
import { ExpertModel } from '../experts/models/expert.model.js';
import type { RequestContext } from '../graphql/loaders.js';
import { StaleProfilesArgs } from './dto/profiles.args.js';
import { ProfilesService } from './profiles.service.js';

@Resolver()
export class ProfilesResolver {
  constructor(private readonly profiles: ProfilesService) {}

  @SignedIn()
  @Mutation(() => ExpertModel, {
    description:
      'The signed-in expert edits their own profile, validated and searchable as a staff edit. Others: FORBIDDEN.',
  })
  updateMyExpertProfile(
    @Args('input') input: UpdateMyExpertProfileInput,
    @Context() ctx: RequestContext,
  ) {
    return this.profiles.update(ctx.caller, input);
  }

  @SignedIn()
  @Mutation(() => ExpertModel, {
    description:
      'The signed-in expert confirms their profile is still right: lastVerifiedAt becomes today. Others: FORBIDDEN.',
  })
  confirmMyProfile(@Context() ctx: RequestContext) {
    return this.profiles.confirm(ctx.caller);
  }

  @Requires(Role.STAFF)
  @Query(() => ExpertConnection, {
    description:
      'Staff only. Profiles not confirmed for `olderThanMonths` (never confirmed: made before then), by name.',
  })
  staleProfiles(@Args() args: StaleProfilesArgs) {
    return this.profiles.stale(args);
  }
}
