import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { type Caller, isStaff, Role } from '../auth/caller.js';
import { anyOf } from '../search/faceting/filter-syntax.js';
import { Visibility } from './expert.entity.js';

/**
 * Who may see which expert, in one place for every way in (lists, nested lists, `node`, search):
 * PUBLIC experts everyone; MEMBERS experts staff and partners of a cluster of the expert's
 * organisation; STAFF experts staff only. Always derived from the caller, never from the request.
 */

/** Restricts a query over experts (alias `alias`) to what the caller may see. */
export function whereVisible<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  caller: Caller,
): SelectQueryBuilder<T> {
  if (isStaff(caller)) return query;
  if (caller.role !== Role.PARTNER || caller.clusterIds.length === 0) {
    return query.andWhere(`${alias}.visibility = :publicVisibility`, {
      publicVisibility: Visibility.PUBLIC,
    });
  }
  return query.andWhere(
    `(${alias}.visibility = :publicVisibility OR (${alias}.visibility = :membersVisibility AND EXISTS (
       SELECT 1 FROM organisation_clusters vm
        WHERE vm."organisationId" = ${alias}."organisationId" AND vm."clusterId" IN (:...callerClusterIds))))`,
    {
      publicVisibility: Visibility.PUBLIC,
      membersVisibility: Visibility.MEMBERS,
      callerClusterIds: caller.clusterIds,
    },
  );
}

/** The same rule as a Meilisearch filter over expert documents (which carry cluster slugs). */
export function visibleInSearch(caller: Caller): string[] {
  if (isStaff(caller)) return [];
  const publicOnly = anyOf('visibility', [Visibility.PUBLIC]);
  if (caller.role !== Role.PARTNER || caller.clusterSlugs.length === 0) return [publicOnly];
  return [
    `(${publicOnly} OR (${anyOf('visibility', [Visibility.MEMBERS])} AND ${anyOf('clusters', caller.clusterSlugs)}))`,
  ];
}

/** Contact details (e-mail, phone) are for staff only. */
export const mayContact = (caller: Caller): boolean => isStaff(caller);
