import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ArrayMinSize, IsArray, IsEnum } from 'class-validator';
import { IsIntBetween } from '../../../common/validation/decorators.js';
import { SearchIndexName } from '../search-token.model.js';

export const MAX_TOKEN_SECONDS = 24 * 3600;

@ArgsType()
export class CreateSearchTokenArgs {
  @Field(() => [SearchIndexName])
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one index' })
  @IsEnum(SearchIndexName, { each: true })
  indexes!: SearchIndexName[];

  @Field(() => Int, { defaultValue: 3600 })
  @IsIntBetween(1, MAX_TOKEN_SECONDS, `must be between 1 and ${MAX_TOKEN_SECONDS} (24 hours)`)
  expiresInSeconds!: number;
}
