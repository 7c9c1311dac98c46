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
import { SearchPageInput } from '../../faceting/search-page.input.js';
import { GeoRadiusInput } from '../../faceting/geo.js';
import { OrganisationFacet, OrganisationSort } from '../organisation-facets.js';

@InputType({
  description: 'Values are OR-ed within a facet; filters on different facets are AND-ed.',
})
export class OrganisationFacetFilter {
  @Field(() => OrganisationFacet) @IsEnum(OrganisationFacet) facet!: OrganisationFacet;

  @Field(() => [String], { description: 'Exactly the `value`s facet counts return.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  values!: string[];
}

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
