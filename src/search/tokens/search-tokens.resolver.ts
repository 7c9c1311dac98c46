import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Requires } from '../../auth/access.guard.js';
import { Role } from '../../auth/caller.js';
import type { RequestContext } from '../../graphql/loaders.js';
import { CreateSearchTokenArgs } from './dto/create-search-token.args.js';
import { SearchTokenKey } from './search-token-key.service.js';
import { SearchToken, SearchTokenKeyRotation } from './search-token.model.js';
import { SearchTokensService } from './search-tokens.service.js';

@Resolver()
export class SearchTokensResolver {
  constructor(
    private readonly tokens: SearchTokensService,
    private readonly signingKey: SearchTokenKey,
  ) {}

  @Requires(Role.ANONYMOUS)
  @Mutation(() => SearchToken, {
    description:
      "A search token for browsers, used against `host` (Kenner's /search) and as `Authorization: Bearer` on GraphQL (read-only, at most PARTNER). With an API key it sees what the key sees, for up to 24 hours; without one, public experts only, for up to 1 hour, SEARCH_TOKEN_LIMIT per window per IP. A search token cannot mint one.",
  })
  createSearchToken(
    @Args() { indexes, expiresInSeconds }: CreateSearchTokenArgs,
    @Context() ctx: RequestContext,
  ) {
    return this.tokens.create(ctx.caller, indexes, expiresInSeconds, ctx);
  }

  @Requires(Role.ADMIN)
  @Mutation(() => SearchTokenKeyRotation, {
    description: 'Replaces the key that signs search tokens: every token handed out stops working.',
  })
  async rotateSearchTokenKey(): Promise<SearchTokenKeyRotation> {
    await this.signingKey.rotate();
    return { rotatedAt: new Date() };
  }
}
