import type { EntityManager } from 'typeorm';
import { ExpertEntity } from '../experts/expert.entity.js';
import { clustersOf } from './sessions.service.js';
import { PersonEntity } from './person.entity.js';
import { SignInDomainEntity } from './sign-in-domain.entity.js';

/** Who an address signs in as; null: nobody (the requester is told the same either way). */
export type Eligibility =
  /** A person already: invited, or signed in before. */
  | { person: PersonEntity }
  /** The address of an expert profile no person holds yet: a person linked to it is made. */
  | { person: null; expert: ExpertEntity; organisationId: string }
  /** Of a domain of an organisation in a cluster: a member of it is made. */
  | { person: null; expert: null; organisationId: string };

/**
 * The one rule of who may sign in, read both when a link is asked for and when it is used (so a
 * domain removed in between stops the link). `email` is lower-cased.
 */
export async function eligibility(em: EntityManager, email: string): Promise<Eligibility | null> {
  const person = await em.findOneBy(PersonEntity, { email });
  if (person) return { person };
  const expert = await em.findOneBy(ExpertEntity, { email });
  // A profile already someone's (invited under another address) does not sign in a second person.
  if (expert && !(await em.existsBy(PersonEntity, { expertId: expert.id }))) {
    return { person: null, expert, organisationId: expert.organisationId };
  }
  const domain = email.slice(email.lastIndexOf('@') + 1);
  const entry = await em.findOneBy(SignInDomainEntity, { domain });
  if (entry && (await clustersOf(em, entry.organisationId)).length > 0) {
    return { person: null, expert: null, organisationId: entry.organisationId };
  }
  return null;
}
