import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { toClusterModel } from '../clusters/cluster.mapper.js';
import { parseGlobalId, type NodeType } from '../common/graphql/global-id.js';
import { Node } from '../common/graphql/node.interface.js';
import { MAX_PAGE_SIZE } from '../common/pagination/connection.args.js';
import { toExpertModel } from '../experts/expert.mapper.js';
import type { Loaders, RequestContext } from '../graphql/loaders.js';
import { toInstrumentModel } from '../instruments/instrument.mapper.js';
import { toOrganisationModel } from '../organisations/organisation.mapper.js';
import { toTechnologyModel } from '../technologies/technology.mapper.js';
import { toMaterialModel, toSectorModel } from '../vocabularies/vocabulary.mapper.js';
import { NodesArgs } from './dto/nodes.args.js';

type Fetch = (loaders: Loaders, id: string) => Promise<Node | null>;

/** How each node type is fetched: through the request's loaders, so `nodes` batches per type. */
const FETCHERS: Record<NodeType, Fetch> = {
  Cluster: async (l, id) => map(await l.cluster.load(id), toClusterModel),
  Organisation: async (l, id) => map(await l.organisation.load(id), toOrganisationModel),
  Technology: async (l, id) => map(await l.technology.load(id), toTechnologyModel),
  Instrument: async (l, id) => map(await l.instrument.load(id), toInstrumentModel),
  Expert: async (l, id) => map(await l.expert.load(id), toExpertModel),
  Material: async (l, id) => map(await l.material.load(id), toMaterialModel),
  Sector: async (l, id) => map(await l.sector.load(id), toSectorModel),
};

const map = <E, M>(row: E | null, toModel: (row: E) => M): M | null => (row ? toModel(row) : null);

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Refetches any object by its global id.' })
  node(@Args('id', { type: () => ID }) id: string, @Context() ctx: RequestContext) {
    const { type, id: dbId } = parseGlobalId(id);
    return FETCHERS[type](ctx.loaders, dbId);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Refetches up to ${MAX_PAGE_SIZE} objects; null where an id names nothing.`,
  })
  nodes(@Args() { ids }: NodesArgs, @Context() ctx: RequestContext) {
    return Promise.all(
      ids.map((globalId, i) => {
        const { type, id } = parseGlobalId(globalId, `ids[${i}]`);
        return FETCHERS[type](ctx.loaders, id);
      }),
    );
  }
}
