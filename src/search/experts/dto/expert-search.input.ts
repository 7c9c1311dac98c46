import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { IsIntBetween } from '../../../common/validation/decorators.js';
import { GeoRadiusInput } from '../../faceting/geo.js';
import { ExpertFacet, ExpertSort } from '../expert-facets.js';

import { FacetFilterInput } from '../../faceting/facet-filter.input.js';
import { SearchPageInput } from '../../faceting/search-page.input.js';

export const ExpertFacetFilter = FacetFilterInput(ExpertFacet, 'ExpertFacetFilter');
export type ExpertFacetFilter = InstanceType<typeof ExpertFacetFilter>;

@InputType()
export class ExpertSearchInput extends SearchPageInput {
  @Field(() => [ExpertFacetFilter], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(11)
  @ValidateNested({ each: true })
  @Type(() => ExpertFacetFilter)
  filters?: ExpertFacetFilter[];

  @Field(() => GeoRadiusInput, { nullable: true, description: 'Only experts within this radius.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoRadiusInput)
  near?: GeoRadiusInput;

  @Field(() => Int, {
    nullable: true,
    description:
      'Only experts who confirmed their profile within this many months (never confirmed: left out). Sort RECENTLY_VERIFIED for the freshest first.',
  })
  @IsOptional()
  @IsIntBetween(1, 1200)
  verifiedWithinMonths?: number;

  @Field(() => ExpertSort, {
    nullable: true,
    description: 'RELEVANCE by default; DISTANCE needs `near`.',
  })
  @IsOptional()
  @IsEnum(ExpertSort)
  sort?: ExpertSort;

  @Field(() => [ExpertFacet], { nullable: true, description: 'Facets to count (disjunctively).' })
  @IsOptional()
  @IsArray()
  @IsEnum(ExpertFacet, { each: true })
  facets?: ExpertFacet[];
}
