import { toGlobalId } from '../common/graphql/global-id.js';
import type { ClusterEntity } from './cluster.entity.js';
import { ClusterModel } from './models/cluster.model.js';

export const toClusterModel = (entity: ClusterEntity): ClusterModel =>
  Object.assign(new ClusterModel(), {
    id: toGlobalId('Cluster', entity.id),
    dbId: entity.id,
    name: entity.name,
    slug: entity.slug,
    description: entity.description,
    website: entity.website,
  });
