import { CreateClusterInput } from '../clusters/dto/cluster.inputs.js';
import { text } from './row-validation.js';

/** The API's rules for a cluster; organisations name it by its slug. */
export class ClusterImportRow extends CreateClusterInput {}

export function toClusterRow(data: Record<string, unknown>): object {
  return {
    slug: text(data.slug),
    name: text(data.name),
    description: text(data.description) ?? '',
    website: text(data.website) ?? null,
  };
}
