import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { FacetFilterInput } from '../../faceting/facet-filter.input.js';
import { SearchPageInput } from '../../faceting/search-page.input.js';
import { TechnologyFacet, TechnologySort } from '../technology-facets.js';

export const TechnologyFacetFilter = FacetFilterInput(TechnologyFacet, 'TechnologyFacetFilter');
export type TechnologyFacetFilter = InstanceType<typeof TechnologyFacetFilter>;

@InputType()
export class TechnologySearchInput extends SearchPageInput {
  @Field(() => [TechnologyFacetFilter], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => TechnologyFacetFilter)
  filters?: TechnologyFacetFilter[];

  @Field(() => TechnologySort, { nullable: true, description: 'RELEVANCE by default.' })
  @IsOptional()
  @IsEnum(TechnologySort)
  sort?: TechnologySort;

  @Field(() => [TechnologyFacet], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(TechnologyFacet, { each: true })
  facets?: TechnologyFacet[];
}
