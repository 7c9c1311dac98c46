import type { Caller } from '../../auth/caller.js';
import { expertSight } from '../../experts/expert-visibility.js';
import { anyOf } from '../faceting/filter-syntax.js';

/**
 * The experts a caller may see (experts/expert-visibility.ts decides which) as Meilisearch filter
 * clauses over expert documents, which carry their organisation's cluster slugs. Empty for staff.
 */
export function visibleInSearch(caller: Caller): string[] {
  const sight = expertSight(caller);
  if (sight.everyExpert) return [];
  const open = anyOf('visibility', [sight.open]);
  if (!sight.membersOf) return [open];
  const { visibility, clusterSlugs } = sight.membersOf;
  return [
    `(${open} OR (${anyOf('visibility', [visibility])} AND ${anyOf('clusters', clusterSlugs)}))`,
  ];
}
