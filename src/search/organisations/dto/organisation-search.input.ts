import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { FacetFilterInput } from '../../faceting/facet-filter.input.js';
import { SearchPageInput } from '../../faceting/search-page.input.js';
import { GeoRadiusInput } from '../../faceting/geo.js';
import { OrganisationFacet, OrganisationSort } from '../organisation-facets.js';

export const OrganisationFacetFilter = FacetFilterInput(
  OrganisationFacet,
  'OrganisationFacetFilter',
);
export type OrganisationFacetFilter = InstanceType<typeof OrganisationFacetFilter>;

@InputType()
export class OrganisationSearchInput extends SearchPageInput {
  @Field(() => [OrganisationFacetFilter], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => OrganisationFacetFilter)
  filters?: OrganisationFacetFilter[];

  @Field(() => GeoRadiusInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoRadiusInput)
  near?: GeoRadiusInput;

  @Field(() => OrganisationSort, { nullable: true, description: 'RELEVANCE by default.' })
  @IsOptional()
  @IsEnum(OrganisationSort)
  sort?: OrganisationSort;

  @Field(() => [OrganisationFacet], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(OrganisationFacet, { each: true })
  facets?: OrganisationFacet[];
}
