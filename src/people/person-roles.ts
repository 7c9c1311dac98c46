import { registerEnumType } from '@nestjs/graphql';
import { type Caller, Role } from '../auth/caller.js';
import type { ClusterEntity } from '../clusters/cluster.entity.js';
import { type PersonEntity, StaffRole } from './person.entity.js';

/**
 * What a person is, from their memberships. Several at once: an expert of a member organisation
 * is EXPERT and MEMBER. These are not access levels: `callerOfPerson` maps them onto the guard's
 * roles (ANONYMOUS < PARTNER < STAFF < ADMIN), so every existing rule applies unchanged.
 */
export enum PersonRole {
  /** Of an organisation in at least one cluster: sees MEMBERS experts of those clusters. */
  MEMBER = 'MEMBER',
  /** Has an expert profile of their own. */
  EXPERT = 'EXPERT',
  STAFF = 'STAFF',
  ADMIN = 'ADMIN',
}

registerEnumType(PersonRole, {
  name: 'PersonRole',
  description:
    'MEMBER: of an organisation in a cluster (reads like a partner key of those clusters); EXPERT: has an expert profile; STAFF and ADMIN: cluster staff, as the API key roles.',
});

/** `clusters`: those of the person's organisation. */
export function rolesOf(person: PersonEntity, clusters: readonly ClusterEntity[]): PersonRole[] {
  const roles: PersonRole[] = [];
  if (person.organisationId && clusters.length > 0) roles.push(PersonRole.MEMBER);
  if (person.expertId) roles.push(PersonRole.EXPERT);
  if (person.staffRole) roles.push(PersonRole.STAFF);
  if (person.staffRole === StaffRole.ADMIN) roles.push(PersonRole.ADMIN);
  return roles;
}

/**
 * The caller a session stands for. Staff read and write as a staff key; a member reads as a
 * partner key of their organisation's clusters; anyone else (an expert of an organisation in no
 * cluster) as an anonymous caller, though signed in. No API key: `keyId` is null, so rate limits,
 * cost budgets and CORS treat the request as a browser's.
 */
export function callerOfPerson(
  person: PersonEntity,
  clusters: readonly ClusterEntity[],
  sessionId: string,
): Caller {
  const member = person.organisationId !== null && clusters.length > 0;
  const role =
    person.staffRole === StaffRole.ADMIN
      ? Role.ADMIN
      : person.staffRole === StaffRole.STAFF
        ? Role.STAFF
        : member
          ? Role.PARTNER
          : Role.ANONYMOUS;
  return {
    role,
    keyId: null,
    clusterIds: member ? clusters.map((c) => c.id) : [],
    clusterSlugs: member ? clusters.map((c) => c.slug) : [],
    allowedOrigins: [],
    personId: person.id,
    sessionId,
  };
}
