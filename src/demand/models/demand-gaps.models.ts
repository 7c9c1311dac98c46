import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { TechnologyModel } from '../../technologies/models/technology.model.js';

@ObjectType({ description: 'A technique people asked for, against the experts who offer it.' })
export class TechniqueDemand {
  @Field(() => TechnologyModel) technology!: TechnologyModel;

  @Field(() => Int, { description: 'Searches and inquiries that asked for it since `since`.' })
  asked!: number;

  @Field(() => Int, {
    description:
      'Experts (public, members-only and staff-only) with this technique or a narrower one, ' +
      'anywhere: distance is not taken into account.',
  })
  experts!: number;

  @Field(() => Int, { description: 'Of `asked`, the searches that found nothing.' })
  zeroResultAsks!: number;
}

@ObjectType({ description: 'A search that found nothing, by its normalised text.' })
export class ZeroResultQuery {
  @Field({ description: 'Lower-cased and trimmed; contact details are never recorded.' })
  query!: string;

  @Field(() => Int) count!: number;

  @Field(() => GraphQLISODateTime) lastAt!: Date;
}

@ObjectType({ description: "The cluster's capability gaps, read from searches and inquiries." })
export class DemandGaps {
  @Field(() => [TechniqueDemand], {
    description: 'Fewest experts first (none at all first), then the most asked.',
  })
  techniques!: TechniqueDemand[];

  @Field(() => [ZeroResultQuery], { description: 'Most frequent first.' })
  zeroResultQueries!: ZeroResultQuery[];
}
