import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../graphql/loaders.js';
import { Requires } from './access.guard.js';
import { toApiKeyModel } from './api-key.mapper.js';
import { ApiKeysService } from './api-keys.service.js';
import { Role } from './caller.js';
import { CreateApiKeyInput } from './dto/api-key.inputs.js';
import { ApiKeyModel, CreatedApiKey, Viewer } from './models/api-key.model.js';

@Resolver()
export class ApiKeysResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Query(() => Viewer, {
    description:
      'The role and clusters of the API key or search token this request carries (a search token reads as PARTNER at most).',
  })
  viewer(@Context() ctx: RequestContext): Viewer {
    return { role: ctx.caller.role, clusters: ctx.caller.clusterSlugs };
  }

  @Requires(Role.ADMIN)
  @Query(() => [ApiKeyModel], { description: 'Every key, revoked ones included. Admins only.' })
  async apiKeys() {
    return (await this.keys.list()).map(toApiKeyModel);
  }

  @Requires(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Admins only. The secret is returned once.' })
  async createApiKey(@Args('input') input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const { key, secret } = await this.keys.create(input);
    return { apiKey: toApiKeyModel(key), secret };
  }

  @Requires(Role.ADMIN)
  @Mutation(() => ApiKeyModel, { description: 'Admins only. Takes effect on the next request.' })
  async revokeApiKey(@Args('id', { type: () => ID }) id: string) {
    return toApiKeyModel(await this.keys.revoke(id));
  }
}
