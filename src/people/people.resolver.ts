import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Requires } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { toExpertModel } from '../experts/expert.mapper.js';
import { ExpertModel } from '../experts/models/expert.model.js';
import type { RequestContext } from '../graphql/loaders.js';
import { OrganisationModel } from '../organisations/models/organisation.model.js';
import { toOrganisationModel } from '../organisations/organisation.mapper.js';
import { InvitePersonInput, SetSignInDomainsArgs } from './dto/people.inputs.js';
import { PersonModel, SignInDomainsModel } from './models/person.model.js';
import { PeopleService } from './people.service.js';

@Resolver(() => PersonModel)
export class PeopleResolver {
  constructor(
    private readonly people: PeopleService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Query(() => PersonModel, {
    nullable: true,
    description:
      'The signed-in person of this request (a session token): roles, organisation, expert profile. Null for anyone else.',
  })
  me(@Context() ctx: RequestContext) {
    return this.people.me(ctx.caller);
  }

  @Mutation(() => PersonModel, {
    description:
      'Staff only (staffRole: admins only). The person may then sign in by asking for a link with this address.',
  })
  invitePerson(@Args('input') input: InvitePersonInput, @Context() ctx: RequestContext) {
    return this.people.invite(input, ctx.caller);
  }

  @Requires(Role.STAFF)
  @Query(() => SignInDomainsModel, { description: 'Staff only.' })
  signInDomains(@Args('organisationId', { type: () => ID }) organisationId: string) {
    return this.people.signInDomains(organisationId);
  }

  @Mutation(() => SignInDomainsModel, {
    description:
      'Staff only. Addresses of these domains may sign in on their own as members of the organisation, while it is in a cluster.',
  })
  setSignInDomains(@Args() { organisationId, domains }: SetSignInDomainsArgs) {
    return this.people.setSignInDomains(organisationId, domains);
  }

  @ResolveField(() => OrganisationModel, { nullable: true })
  async organisation(@Parent() person: PersonModel, @Context() ctx: RequestContext) {
    if (!person.organisationDbId) return null;
    const row = await ctx.loaders.organisation.load(person.organisationDbId);
    return row ? toOrganisationModel(row) : null;
  }

  /** Their own profile whatever its visibility: a person and staff are the only readers here. */
  @ResolveField(() => ExpertModel, { nullable: true })
  async expert(@Parent() person: PersonModel) {
    if (!person.expertDbId) return null;
    const row = await this.db.getRepository(ExpertEntity).findOneBy({ id: person.expertDbId });
    return row ? toExpertModel(row) : null;
  }
}
