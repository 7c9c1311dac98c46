import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Requires, SignedIn } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import type { RequestContext } from '../graphql/loaders.js';
import { PostArgs, ReportPostArgs, ReportQueueArgs } from './dto/forum.inputs.js';
import { ModeratedPostModel, ReportConnection, ReportModel } from './models/forum.models.js';
import { ModerationService } from './moderation.service.js';

/** Reports by members; hiding, restoring and the queue by staff. All audited. */
@Resolver()
export class ModerationResolver {
  constructor(private readonly moderation: ModerationService) {}

  @SignedIn()
  @Mutation(() => ReportModel, {
    description:
      'Tells staff a post you read is wrong; a second report of yours returns the first.',
  })
  reportPost(@Args() { kind, id, reason }: ReportPostArgs, @Context() ctx: RequestContext) {
    return this.moderation.report(ctx.caller, kind, id, reason);
  }

  @Requires(Role.STAFF)
  @Mutation(() => ModeratedPostModel, {
    description:
      'Staff: only staff see the post from now (a hidden question is NOT_FOUND for others); its open reports close.',
  })
  hidePost(@Args() { kind, id }: PostArgs, @Context() ctx: RequestContext) {
    return this.moderation.setHidden(ctx.caller, kind, id, true);
  }

  @Requires(Role.STAFF)
  @Mutation(() => ModeratedPostModel, {
    description: 'Staff: the post is shown again; its open reports close.',
  })
  restorePost(@Args() { kind, id }: PostArgs, @Context() ctx: RequestContext) {
    return this.moderation.setHidden(ctx.caller, kind, id, false);
  }

  @Requires(Role.STAFF)
  @Query(() => ReportConnection, { description: 'Staff: open reports, oldest first.' })
  reportQueue(@Args() args: ReportQueueArgs, @Context() ctx: RequestContext) {
    return this.moderation.queue(ctx.caller, args);
  }
}
