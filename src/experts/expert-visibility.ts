import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { type Caller, isStaff, Role } from '../auth/caller.js';
import { badInput } from '../common/errors/domain-error.js';
import { Visibility } from './expert.entity.js';

/**
 * Who may see which expert, in one place for every way in (lists, nested lists, `node`, search):
 * PUBLIC experts everyone; MEMBERS experts staff and partners of a cluster of the expert's
 * organisation; STAFF experts staff only. Always derived from the caller, never from the request.
 */

/**
 * The rule above for one caller, in no query language: the database (`whereVisible`) and the
 * search index (search/experts/expert-visibility.filter.ts) each translate it, so who sees what is
 * decided here alone.
 */
export type ExpertSight =
  /** Staff: every expert, whatever its visibility. */
  | { everyExpert: true }
  | {
      everyExpert: false;
      /** Seen wherever the expert works: PUBLIC. */
      open: Visibility;
      /** Seen only where the expert's organisation is in one of these clusters (by id and slug). */
      membersOf: { visibility: Visibility; clusterIds: string[]; clusterSlugs: string[] } | null;
    };

export function expertSight(caller: Caller): ExpertSight {
  if (isStaff(caller)) return { everyExpert: true };
  const partner = caller.role === Role.PARTNER && caller.clusterIds.length > 0;
  return {
    everyExpert: false,
    open: Visibility.PUBLIC,
    membersOf: partner
      ? {
          visibility: Visibility.MEMBERS,
          clusterIds: caller.clusterIds,
          clusterSlugs: caller.clusterSlugs,
        }
      : null,
  };
}

/** Restricts a query over experts (alias `alias`) to what the caller may see. */
export function whereVisible<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  caller: Caller,
): SelectQueryBuilder<T> {
  const sight = expertSight(caller);
  if (sight.everyExpert) return query;
  if (!sight.membersOf) {
    return query.andWhere(`${alias}.visibility = :publicVisibility`, {
      publicVisibility: sight.open,
    });
  }
  return query.andWhere(
    `(${alias}.visibility = :publicVisibility OR (${alias}.visibility = :membersVisibility AND EXISTS (
       SELECT 1 FROM organisation_clusters vm
        WHERE vm."organisationId" = ${alias}."organisationId" AND vm."clusterId" IN (:...callerClusterIds))))`,
    {
      publicVisibility: sight.open,
      membersVisibility: sight.membersOf.visibility,
      callerClusterIds: sight.membersOf.clusterIds,
    },
  );
}

/** Contact details (e-mail, phone) are for staff only. */
export const mayContact = (caller: Caller): boolean => isStaff(caller);

/**
 * What an expert may choose for their own profile: PUBLIC or MEMBERS. STAFF hides a profile from
 * everyone but staff, a decision staff take (a profile under review, a complaint), so an expert
 * may neither choose it nor leave it.
 */
export function checkExpertVisibilityChoice(current: Visibility, wanted: Visibility | undefined) {
  if (wanted === undefined || wanted === current) return;
  if (wanted === Visibility.STAFF) {
    throw badInput('visibility', 'may be PUBLIC or MEMBERS; STAFF is set by the cluster staff');
  }
  if (current === Visibility.STAFF) {
    throw badInput('visibility', 'the cluster staff keep this profile hidden: ask them to list it');
  }
}
