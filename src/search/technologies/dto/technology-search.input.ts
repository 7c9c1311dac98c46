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
import { TechnologyFacet, TechnologySort } from '../technology-facets.js';

@InputType({
  description: 'Values are OR-ed within a facet; filters on different facets are AND-ed.',
})
export class TechnologyFacetFilter {
  @Field(() => TechnologyFacet) @IsEnum(TechnologyFacet) facet!: TechnologyFacet;

  @Field(() => [String], { description: 'Exactly the `value`s facet counts return.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  values!: string[];
}

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
