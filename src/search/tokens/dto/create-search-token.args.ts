import { ArgsType, Field, Int } from '@nestjs/graphql';
import { ArrayMinSize, IsArray, IsEnum, IsOptional } from 'class-validator';
import { IsIntBetween } from '../../../common/validation/decorators.js';
import { SearchIndexName } from '../search-token.model.js';

/** With an API key: at most 24 hours, 1 hour unless asked. */
export const MAX_TOKEN_SECONDS = 24 * 3600;
export const DEFAULT_TOKEN_SECONDS = 3600;
/** Without one: at most 1 hour, 10 minutes unless asked (SearchTokensService applies it). */
export const MAX_ANONYMOUS_TOKEN_SECONDS = 3600;
export const DEFAULT_ANONYMOUS_TOKEN_SECONDS = 600;

@ArgsType()
export class CreateSearchTokenArgs {
  @Field(() => [SearchIndexName])
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one index' })
  @IsEnum(SearchIndexName, { each: true })
  indexes!: SearchIndexName[];

  @Field(() => Int, {
    nullable: true,
    description: `Lifetime: with an API key at most ${MAX_TOKEN_SECONDS} (default ${DEFAULT_TOKEN_SECONDS}); without one at most ${MAX_ANONYMOUS_TOKEN_SECONDS} (default ${DEFAULT_ANONYMOUS_TOKEN_SECONDS}).`,
  })
  @IsOptional()
  @IsIntBetween(1, MAX_TOKEN_SECONDS, `must be between 1 and ${MAX_TOKEN_SECONDS} (24 hours)`)
  expiresInSeconds?: number | null;
}
