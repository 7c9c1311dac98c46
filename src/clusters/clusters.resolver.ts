import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ConnectionArgs } from '../common/pagination/connection.args.js';
import { ConnectionType } from '../common/pagination/connection.model.js';
import { ClustersService } from './clusters.service.js';
import { CreateClusterInput, UpdateClusterInput } from './dto/cluster.inputs.js';
import { ClusterModel } from './models/cluster.model.js';

export const ClusterConnection = ConnectionType(ClusterModel, 'Cluster');

@Resolver(() => ClusterModel)
export class ClustersResolver {
  constructor(private readonly service: ClustersService) {}

  @Query(() => ClusterConnection, { description: 'Clusters, by name.' })
  clusters(@Args() args: ConnectionArgs) {
    return this.service.list(args);
  }

  @Query(() => ClusterModel, { nullable: true })
  cluster(@Args('slug') slug: string) {
    return this.service.findBySlug(slug);
  }

  @Mutation(() => ClusterModel)
  createCluster(@Args('input') input: CreateClusterInput) {
    return this.service.create(input);
  }

  @Mutation(() => ClusterModel)
  updateCluster(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateClusterInput,
  ) {
    return this.service.update(id, input);
  }

  @Mutation(() => ClusterModel, { description: 'Deletes a cluster; its members stay.' })
  deleteCluster(@Args('id', { type: () => ID }) id: string) {
    return this.service.delete(id);
  }
}
