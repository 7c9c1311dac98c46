import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { GeoRadiusInput } from '../../faceting/geo.js';
import { ExpertFacet, ExpertSort } from '../expert-facets.js';

import { SearchPageInput } from '../../faceting/search-page.input.js';

@InputType({
  description: 'Values are OR-ed within a facet; filters on different facets are AND-ed.',
})
export class ExpertFacetFilter {
  @Field(() => ExpertFacet) @IsEnum(ExpertFacet) facet!: ExpertFacet;

  @Field(() => [String], { description: 'Exactly the `value`s facet counts return.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  values!: string[];
}

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
