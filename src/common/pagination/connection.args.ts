import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export const PAGE_SIZE_DESCRIPTION = `Page size, 0 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`;

/**
 * Relay cursor arguments for reading forwards only, with the page size bounded so no client can
 * ask for a whole table. Lists with one fixed order (inquiries, newest first) take these.
 */
@ArgsType()
export class ForwardConnectionArgs {
  @Field(() => Int, { nullable: true, description: PAGE_SIZE_DESCRIPTION })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field({ nullable: true, description: 'Return items after this cursor.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

/** Relay cursor arguments both ways: `first`/`after` forwards, `last`/`before` backwards. */
@ArgsType()
export class ConnectionArgs extends ForwardConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size from the end, 0 to ${MAX_PAGE_SIZE}.`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_SIZE)
  last?: number;

  @Field({ nullable: true, description: 'Return items before this cursor.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  before?: string;
}
