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
import { loaded } from '../common/graphql/loaded.js';
import { ConnectionType } from '../common/pagination/connection.model.js';
import type { RequestContext } from '../graphql/loaders.js';
import { OrganisationModel } from '../organisations/models/organisation.model.js';
import { toOrganisationModel } from '../organisations/organisation.mapper.js';
import { TechnologyModel } from '../technologies/models/technology.model.js';
import { toTechnologyModel } from '../technologies/technology.mapper.js';
import {
  CreateInstrumentInput,
  InstrumentsArgs,
  UpdateInstrumentInput,
} from './dto/instrument.inputs.js';
import { toInstrumentModel } from './instrument.mapper.js';
import { InstrumentsService } from './instruments.service.js';
import { InstrumentModel } from './models/instrument.model.js';

export const InstrumentConnection = ConnectionType(InstrumentModel, 'Instrument');

@Resolver(() => InstrumentModel)
export class InstrumentsResolver {
  constructor(private readonly service: InstrumentsService) {}

  @Query(() => InstrumentConnection, { description: 'Instruments, by name.' })
  instruments(@Args() args: InstrumentsArgs) {
    return this.service.list(args);
  }

  @ResolveField(() => TechnologyModel)
  async technology(@Parent() instrument: InstrumentModel, @Context() ctx: RequestContext) {
    return toTechnologyModel(await loaded(ctx.loaders.technology.load(instrument.technologyDbId)));
  }

  @ResolveField(() => OrganisationModel)
  async organisation(@Parent() instrument: InstrumentModel, @Context() ctx: RequestContext) {
    return toOrganisationModel(
      await loaded(ctx.loaders.organisation.load(instrument.organisationDbId)),
    );
  }

  @Mutation(() => InstrumentModel)
  createInstrument(@Args('input') input: CreateInstrumentInput) {
    return this.service.create(input);
  }

  @Mutation(() => InstrumentModel)
  updateInstrument(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: UpdateInstrumentInput,
  ) {
    return this.service.update(id, input);
  }

  @Mutation(() => InstrumentModel)
  deleteInstrument(@Args('id', { type: () => ID }) id: string) {
    return this.service.delete(id);
  }
}

/** `Organisation.instruments`, batched per request. */
@Resolver(() => OrganisationModel)
export class OrganisationInstrumentsResolver {
  @ResolveField(() => [InstrumentModel], { description: 'Instruments the organisation owns.' })
  async instruments(@Parent() org: OrganisationModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.instrumentsByOrganisation.load(org.dbId)).map(toInstrumentModel);
  }
}
