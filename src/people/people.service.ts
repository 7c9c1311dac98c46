import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, In, Not } from 'typeorm';
import { type Caller, Role } from '../auth/caller.js';
import {
  badInput,
  conflict,
  DomainError,
  ErrorCode,
  notFound,
} from '../common/errors/domain-error.js';
import { isUniqueViolation } from '../common/errors/unique-violation.js';
import { fromGlobalId, toGlobalId } from '../common/graphql/global-id.js';
import { Language } from '../common/i18n/language.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import type { InvitePersonInput } from './dto/people.inputs.js';
import type { PersonModel, SignInDomainsModel } from './models/person.model.js';
import { toPersonModel } from './people.mapper.js';
import { PersonEntity } from './person.entity.js';
import { clustersOf } from './sessions.service.js';
import { SignInDomainEntity } from './sign-in-domain.entity.js';

/** People and their memberships, as staff manage them and as a person sees themselves. */
@Injectable()
export class PeopleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The signed-in person of this request; null for anyone else (keys and tokens included). */
  async me(caller: Caller): Promise<PersonModel | null> {
    if (!caller.personId) return null;
    const person = await this.db.getRepository(PersonEntity).findOneBy({ id: caller.personId });
    return person ? this.model(person, caller) : null;
  }

  async model(person: PersonEntity, caller: Caller): Promise<PersonModel> {
    return toPersonModel(person, await clustersOf(this.db.manager, person.organisationId), caller);
  }

  /** Staff invite; an invited person signs in by asking for a link with their address. */
  async invite(input: InvitePersonInput, caller: Caller): Promise<PersonModel> {
    if (input.staffRole && caller.role !== Role.ADMIN) {
      throw new DomainError(ErrorCode.FORBIDDEN, 'only an admin may make staff', 'staffRole');
    }
    const email = input.email.toLowerCase();
    return this.db.transaction(async (em) => {
      if (await em.existsBy(PersonEntity, { email }))
        throw conflict('email', 'a person with this address exists already');
      let expert: ExpertEntity | null = null;
      if (input.expertId) {
        const id = fromGlobalId(input.expertId, 'Expert', 'expertId');
        expert = await em.findOneBy(ExpertEntity, { id });
        if (!expert) throw badInput('expertId', `no expert ${input.expertId}`);
        if (await em.existsBy(PersonEntity, { expertId: id }))
          throw conflict('expertId', 'this expert profile is already a person’s');
      }
      let organisationId = expert?.organisationId ?? null;
      if (input.organisationId) {
        organisationId = fromGlobalId(input.organisationId, 'Organisation', 'organisationId');
        if (!(await em.existsBy(OrganisationEntity, { id: organisationId })))
          throw badInput('organisationId', `no organisation ${input.organisationId}`);
      }
      const repo = em.getRepository(PersonEntity);
      try {
        const person = await repo.save(
          repo.create({
            email,
            name: input.name.trim(),
            preferredLanguage: input.preferredLanguage ?? Language.EN,
            organisationId,
            expertId: expert?.id ?? null,
            staffRole: input.staffRole ?? null,
            lastSignInAt: null,
          }),
        );
        return toPersonModel(person, await clustersOf(em, organisationId), caller);
      } catch (error) {
        if (isUniqueViolation(error))
          throw conflict('email', 'a person with this address exists already');
        throw error;
      }
    });
  }

  async signInDomains(organisationGlobalId: string): Promise<SignInDomainsModel> {
    const organisationId = await this.organisation(organisationGlobalId);
    const rows = await this.db
      .getRepository(SignInDomainEntity)
      .find({ where: { organisationId }, order: { domain: 'ASC' } });
    return { organisationId: organisationGlobalId, domains: rows.map((r) => r.domain) };
  }

  /** Replaces the organisation's list; a domain of another organisation is a conflict. */
  async setSignInDomains(
    organisationGlobalId: string,
    domains: string[],
  ): Promise<SignInDomainsModel> {
    const organisationId = await this.organisation(organisationGlobalId);
    const wanted = [...new Set(domains)].sort();
    await this.db.transaction(async (em) => {
      const taken = wanted.length
        ? await em.findBy(SignInDomainEntity, {
            domain: In(wanted),
            organisationId: Not(organisationId),
          })
        : [];
      const [first] = taken;
      if (first) {
        const other = toGlobalId('Organisation', first.organisationId);
        throw conflict('domains', `${first.domain} is a sign-in domain of organisation ${other}`);
      }
      await em.delete(SignInDomainEntity, { organisationId });
      if (wanted.length) {
        await em.insert(
          SignInDomainEntity,
          wanted.map((domain) => ({ domain, organisationId })),
        );
      }
    });
    return { organisationId: organisationGlobalId, domains: wanted };
  }

  private async organisation(globalId: string): Promise<string> {
    const id = fromGlobalId(globalId, 'Organisation', 'organisationId');
    if (!(await this.db.getRepository(OrganisationEntity).existsBy({ id })))
      throw notFound('Organisation', globalId);
    return id;
  }
}
