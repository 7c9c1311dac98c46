import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsString, MaxLength } from 'class-validator';

/**
 * The `{ facet, values }` filter input of one search, for its own facet enum. Every search has
 * the same rules: values are data (quoted when filtering), at most 50 per facet.
 */
export function FacetFilterInput<F extends string>(facets: Record<string, F>, name: string) {
  @InputType(name, {
    description: 'Values are OR-ed within a facet; filters on different facets are AND-ed.',
  })
  class FacetFilter {
    @Field(() => facets) @IsEnum(facets) facet!: F;

    @Field(() => [String], { description: 'Exactly the `value`s facet counts return.' })
    @IsArray()
    @ArrayMaxSize(50)
    @IsString({ each: true })
    @MaxLength(200, { each: true })
    values!: string[];
  }
  return FacetFilter;
}
