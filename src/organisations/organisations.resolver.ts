import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { toClusterModel } from '../clusters/cluster.mapper.js';
import { ClusterModel } from '../clusters/models/cluster.model.js';
import { ConnectionArgs } from '../common/pagination/connection.args.js';
import { ConnectionType } from '../common/pagination/connection.model.js';
import type { RequestContext } from '../graphql/loaders.js';
import {
  CreateOrganisationInput,
  OrganisationsArgs,
  UpdateOrganisationInput,
} from './dto/organisation.inputs.js';
import { OrganisationModel } from './models/organisation.model.js';
import { OrganisationsService } from './organisations.service.js';

export const OrganisationConnection = ConnectionType(OrganisationModel, 'Organisation');

@Resolver(() => OrganisationModel)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => OrganisationConnection, { description: 'Organisations, by name.' })
  organisations(@Args() args: OrganisationsArgs) {
    return this.service.list(args);
  }

  @ResolveField(() => [ClusterModel])
  async clusters(@Parent() org: OrganisationModel, @Context() ctx: RequestContext) {
    const clusters = await ctx.loaders.clustersByOrganisation.load(org.dbId);
    return clusters.map(toClusterModel).sort((a, b) => a.name.localeCompare(b.name));
  }

  @Mutation(() => OrganisationModel)
  createOrganisation(@Args('input') input: CreateOrganisationInput) {
    return this.service.create(input);
  }

  @Mutation(() => OrganisationModel)
  updateOrganisation(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateOrganisationInput,
  ) {
    return this.service.update(id, input);
  }

  @Mutation(() => OrganisationModel, {
    description: 'Deletes an organisation and its instruments; refused while experts work there.',
  })
  deleteOrganisation(@Args('id', { type: () => ID }) id: string) {
    return this.service.delete(id);
  }
}

/** `Cluster.organisations`: lives here so that clusters need not know organisations. */
@Resolver(() => ClusterModel)
export class ClusterOrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @ResolveField(() => OrganisationConnection, { description: 'Member organisations, by name.' })
  organisations(@Parent() cluster: ClusterModel, @Args() args: ConnectionArgs) {
    return this.service.list({ ...args, clusterId: cluster.id });
  }
}
