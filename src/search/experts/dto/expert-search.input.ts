import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { GeoRadiusInput } from '../../faceting/geo.js';
import { ExpertFacet, ExpertSort } from '../expert-facets.js';

import { MAX_HITS_PER_PAGE } from '../../faceting/faceted-query.js';

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
export class ExpertSearchInput {
  @Field({
    nullable: true,
    description: 'Free text: names, techniques in any language, acronyms, typos.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  query?: string;

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

  @Field(() => Int, { nullable: true, description: 'From 1.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  page?: number;

  @Field(() => Int, { nullable: true, description: `1 to ${MAX_HITS_PER_PAGE}, default 20.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HITS_PER_PAGE)
  hitsPerPage?: number;

  @Field(() => [ExpertFacet], { nullable: true, description: 'Facets to count (disjunctively).' })
  @IsOptional()
  @IsArray()
  @IsEnum(ExpertFacet, { each: true })
  facets?: ExpertFacet[];
}
