import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Node } from '../../common/graphql/node.interface.js';

@ObjectType('Cluster', {
  implements: () => [Node],
  description: 'A materials or manufacturing cluster whose members share experts and instruments.',
})
export class ClusterModel implements Node {
  readonly __typename = 'Cluster';
  @Field(() => ID) id!: string;
  /** Storage id, for field resolvers; not part of the API. */
  dbId!: string;
  @Field() name!: string;
  @Field() slug!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true }) website!: string | null;
}
