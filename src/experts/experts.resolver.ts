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
import { DomainError, ErrorCode } from '../common/errors/domain-error.js';
import { loaded } from '../common/graphql/loaded.js';
import { mayContact } from './expert-visibility.js';
import { ConnectionArgs } from '../common/pagination/connection.args.js';
import { ConnectionType } from '../common/pagination/connection.model.js';
import type { RequestContext } from '../graphql/loaders.js';
import { OrganisationModel } from '../organisations/models/organisation.model.js';
import { toOrganisationModel } from '../organisations/organisation.mapper.js';
import { TechnologyModel } from '../technologies/models/technology.model.js';
import { toTechnologyModel } from '../technologies/technology.mapper.js';
import { MaterialModel, SectorModel } from '../vocabularies/models/vocabulary.models.js';
import { toMaterialModel, toSectorModel } from '../vocabularies/vocabulary.mapper.js';
import { CreateExpertInput, ExpertsArgs, UpdateExpertInput } from './dto/expert.inputs.js';
import { toSkillModels } from './expert.mapper.js';
import { ExpertsService } from './experts.service.js';
import { ExpertModel, ExpertSkillModel } from './models/expert.model.js';

export const ExpertConnection = ConnectionType(ExpertModel, 'Expert');

/** Contact details go to staff only; everyone else gets null plus an error entry saying why. */
function contact(value: string | null, ctx: RequestContext): string | null {
  if (mayContact(ctx.caller)) return value;
  throw new DomainError(ErrorCode.FORBIDDEN, 'contact details are visible to staff only');
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

@Resolver(() => ExpertModel)
export class ExpertsResolver {
  constructor(private readonly service: ExpertsService) {}

  @Query(() => ExpertConnection, { description: 'Experts, by name.' })
  experts(@Args() args: ExpertsArgs, @Context() ctx: RequestContext) {
    return this.service.list(args, ctx.caller);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Contact e-mail. Staff only: others get null and an error entry (FORBIDDEN).',
  })
  email(@Parent() expert: ExpertModel, @Context() ctx: RequestContext) {
    return contact(expert.email, ctx);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Staff only: others get null and an error entry (FORBIDDEN).',
  })
  phone(@Parent() expert: ExpertModel, @Context() ctx: RequestContext) {
    return contact(expert.phone, ctx);
  }

  @ResolveField(() => OrganisationModel)
  async organisation(@Parent() expert: ExpertModel, @Context() ctx: RequestContext) {
    return toOrganisationModel(
      await loaded(ctx.loaders.organisation.load(expert.organisationDbId)),
    );
  }

  @ResolveField(() => [ExpertSkillModel], { description: 'Strongest first.' })
  async skills(@Parent() expert: ExpertModel, @Context() ctx: RequestContext) {
    return toSkillModels(await ctx.loaders.skillsByExpert.load(expert.dbId));
  }

  @ResolveField(() => [MaterialModel])
  async materials(@Parent() expert: ExpertModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.vocabularyByExpert.load(expert.dbId)).materials
      .map(toMaterialModel)
      .sort(byName);
  }

  @ResolveField(() => [SectorModel])
  async sectors(@Parent() expert: ExpertModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.vocabularyByExpert.load(expert.dbId)).sectors
      .map(toSectorModel)
      .sort(byName);
  }

  @Mutation(() => ExpertModel)
  createExpert(@Args('input') input: CreateExpertInput) {
    return this.service.create(input);
  }

  @Mutation(() => ExpertModel)
  updateExpert(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateExpertInput,
  ) {
    return this.service.update(id, input);
  }

  @Mutation(() => ExpertModel)
  deleteExpert(@Args('id', { type: () => ID }) id: string) {
    return this.service.delete(id);
  }
}

@Resolver(() => ExpertSkillModel)
export class ExpertSkillResolver {
  @ResolveField(() => TechnologyModel)
  async technology(@Parent() skill: ExpertSkillModel, @Context() ctx: RequestContext) {
    return toTechnologyModel(await loaded(ctx.loaders.technology.load(skill.technologyDbId)));
  }
}

/** `Organisation.experts` and `Technology.experts`: the experts list, pre-filtered. */
@Resolver(() => OrganisationModel)
export class OrganisationExpertsResolver {
  constructor(private readonly service: ExpertsService) {}

  @ResolveField(() => ExpertConnection, { description: 'Experts working there, by name.' })
  experts(
    @Parent() org: OrganisationModel,
    @Args() args: ConnectionArgs,
    @Context() ctx: RequestContext,
  ) {
    return this.service.list({ ...args, organisationId: org.id }, ctx.caller);
  }
}

@Resolver(() => TechnologyModel)
export class TechnologyExpertsResolver {
  constructor(private readonly service: ExpertsService) {}

  @ResolveField(() => ExpertConnection, { description: 'Experts with a skill in it, by name.' })
  experts(
    @Parent() tech: TechnologyModel,
    @Args() args: ConnectionArgs,
    @Context() ctx: RequestContext,
  ) {
    return this.service.list({ ...args, technologyId: tech.id }, ctx.caller);
  }
}
