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
import { MAX_HITS_PER_PAGE } from '../../faceting/faceted-query.js';
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
export class OrganisationSearchInput {
  @Field({
    nullable: true,
    description: 'Free text: names, acronyms, techniques in any language, instruments, places.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  query?: string;

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

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1000) page?: number;

  @Field(() => Int, { nullable: true, description: `1 to ${MAX_HITS_PER_PAGE}, default 20.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HITS_PER_PAGE)
  hitsPerPage?: number;

  @Field(() => [OrganisationFacet], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(OrganisationFacet, { each: true })
  facets?: OrganisationFacet[];
}
