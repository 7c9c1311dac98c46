import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { toGlobalId } from '../common/graphql/global-id.js';
import type { ExpertEntity } from '../experts/expert.entity.js';
import type { PersonDataExportModel } from './models/person-data-export.model.js';
import { PersonEntity } from './person.entity.js';
import { SessionEntity } from './session.entity.js';
import { SignInTokenEntity } from './sign-in-token.entity.js';

/**
 * What the people module holds on an expert, for the expert's access and erasure requests
 * (src/personal-data): the person whose profile it is, or who signs in with its address, with
 * their sessions and sign-in links.
 */
@Injectable()
export class PersonalDataOfPeople {
  async export(em: EntityManager, expert: ExpertEntity): Promise<PersonDataExportModel | null> {
    const [person] = await this.peopleOf(em, expert);
    if (!person) return null;
    const sessions = await em.find(SessionEntity, {
      where: { personId: person.id },
      order: { createdAt: 'ASC' },
    });
    const signInLinks = await em.countBy(SignInTokenEntity, { email: person.email });
    return {
      id: person.id,
      email: person.email,
      name: person.name,
      preferredLanguage: person.preferredLanguage,
      organisationId: person.organisationId && toGlobalId('Organisation', person.organisationId),
      staffRole: person.staffRole,
      createdAt: person.createdAt,
      lastSignInAt: person.lastSignInAt,
      sessions: sessions.map(({ createdAt, lastUsedAt, expiresAt, userAgent }) => ({
        createdAt,
        lastUsedAt,
        expiresAt,
        userAgent,
      })),
      signInLinks,
    };
  }

  /**
   * Deletes the people of the expert with their sessions and every sign-in link mailed to their
   * addresses or the expert's. Returns them, so the caller can forget mails and audit entries.
   */
  async forget(em: EntityManager, expert: ExpertEntity): Promise<PersonEntity[]> {
    const people = await this.peopleOf(em, expert);
    const emails = [...new Set([expert.email, ...people.map((p) => p.email)])];
    await em.delete(SignInTokenEntity, { email: In(emails) });
    if (people.length) {
      const ids = people.map((p) => p.id);
      await em.delete(SessionEntity, { personId: In(ids) });
      await em.delete(PersonEntity, { id: In(ids) });
    }
    return people;
  }

  private async peopleOf(em: EntityManager, expert: ExpertEntity): Promise<PersonEntity[]> {
    return em.find(PersonEntity, {
      where: [{ expertId: expert.id }, { email: expert.email.toLowerCase() }],
      order: { createdAt: 'ASC' },
    });
  }
}
