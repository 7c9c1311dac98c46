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
import { ConnectionType } from '../common/pagination/connection.model.js';
import type { RequestContext } from '../graphql/loaders.js';
import {
  CreateTechnologyInput,
  TechnologiesArgs,
  UpdateTechnologyInput,
} from './dto/technology.inputs.js';
import { TechnologyModel } from './models/technology.model.js';
import { loadAncestors } from './taxonomy.js';
import { TechnologiesService } from './technologies.service.js';
import { toTechnologyModel } from './technology.mapper.js';

export const TechnologyConnection = ConnectionType(TechnologyModel, 'Technology');

@Resolver(() => TechnologyModel)
export class TechnologiesResolver {
  constructor(private readonly service: TechnologiesService) {}

  @Query(() => TechnologyConnection, { description: 'Analytical techniques, by name.' })
  technologies(@Args() args: TechnologiesArgs) {
    return this.service.list(args);
  }

  @Query(() => TechnologyModel, { nullable: true })
  technology(@Args('slug') slug: string) {
    return this.service.findBySlug(slug);
  }

  @ResolveField(() => TechnologyModel, { nullable: true, description: 'The broader technique.' })
  async parent(@Parent() tech: TechnologyModel, @Context() ctx: RequestContext) {
    if (!tech.parentDbId) return null;
    const parent = await ctx.loaders.technology.load(tech.parentDbId);
    return parent ? toTechnologyModel(parent) : null;
  }

  @ResolveField(() => TechnologyModel, { description: 'The root category (itself for a root).' })
  async category(@Parent() tech: TechnologyModel, @Context() ctx: RequestContext) {
    if (!tech.categoryDbId || tech.categoryDbId === tech.dbId) return tech;
    const category = await ctx.loaders.technology.load(tech.categoryDbId);
    return category ? toTechnologyModel(category) : tech;
  }

  @ResolveField(() => [TechnologyModel], { description: 'Narrower techniques, by name.' })
  async children(@Parent() tech: TechnologyModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.childrenByTechnology.load(tech.dbId)).map(toTechnologyModel);
  }

  @ResolveField(() => [TechnologyModel], {
    description: 'From the root category down to this technique, inclusive.',
  })
  async path(@Parent() tech: TechnologyModel, @Context() ctx: RequestContext) {
    const ancestors = await loadAncestors({ parentId: tech.parentDbId }, (id) =>
      ctx.loaders.technology.load(id),
    );
    return [...ancestors.reverse().map(toTechnologyModel), tech];
  }

  @Mutation(() => TechnologyModel)
  createTechnology(@Args('input') input: CreateTechnologyInput) {
    return this.service.create(input);
  }

  @Mutation(() => TechnologyModel, { description: 'Moving a technique moves its subtree too.' })
  updateTechnology(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateTechnologyInput,
  ) {
    return this.service.update(id, input);
  }

  @Mutation(() => TechnologyModel, { description: 'Refused while the technique is in use.' })
  deleteTechnology(@Args('id', { type: () => ID }) id: string) {
    return this.service.delete(id);
  }
}
