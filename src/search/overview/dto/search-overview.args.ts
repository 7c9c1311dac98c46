import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { IsIntBetween } from '../../../common/validation/decorators.js';

const MAX_QUERY = 500;

@ArgsType()
export class SearchOverviewArgs {
  @Field()
  @IsString()
  @MaxLength(MAX_QUERY, { message: `must be at most ${MAX_QUERY} characters` })
  query!: string;

  @Field(() => Int, { defaultValue: 5 })
  @IsIntBetween(1, 20)
  limit!: number;
}
