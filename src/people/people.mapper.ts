import { type Caller, isStaff } from '../auth/caller.js';
import type { ClusterEntity } from '../clusters/cluster.entity.js';
import { SessionModel, PersonModel } from './models/person.model.js';
import { rolesOf } from './person-roles.js';
import type { PersonEntity } from './person.entity.js';
import type { SessionEntity } from './session.entity.js';

/** A person's address is theirs and staff's: no one else reads it, wherever people show. */
export const mayReadEmail = (caller: Caller, person: PersonEntity): boolean =>
  isStaff(caller) || (caller.personId !== undefined && caller.personId === person.id);

export const toPersonModel = (
  person: PersonEntity,
  clusters: readonly ClusterEntity[],
  caller: Caller,
): PersonModel =>
  Object.assign(new PersonModel(), {
    id: person.id,
    organisationDbId: person.organisationId,
    expertDbId: person.expertId,
    email: mayReadEmail(caller, person) ? person.email : null,
    name: person.name,
    preferredLanguage: person.preferredLanguage,
    roles: rolesOf(person, clusters),
    staffRole: person.staffRole,
    createdAt: person.createdAt,
    lastSignInAt: person.lastSignInAt,
  });

export const toSessionModel = (
  session: SessionEntity,
  endsAt: Date,
  currentId: string | undefined,
): SessionModel =>
  Object.assign(new SessionModel(), {
    id: session.id,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    expiresAt: endsAt,
    userAgent: session.userAgent,
    current: session.id === currentId,
  });
