import { ArgsType, Field, GraphQLISODateTime, Int } from '@nestjs/graphql';
import { IsDate } from 'class-validator';
import { IsIntBetween } from '../../common/validation/decorators.js';

@ArgsType()
export class DemandGapsArgs {
  @Field(() => GraphQLISODateTime)
  @IsDate()
  since!: Date;

  @Field(() => Int, { defaultValue: 20 })
  @IsIntBetween(1, 100)
  limit!: number;
}
