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
export class TechnologySearchInput {
  @Field({
    nullable: true,
    description: 'Free text: names in any language, acronyms, synonyms, broader techniques.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  query?: string;

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

  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1000) page?: number;

  @Field(() => Int, { nullable: true, description: `1 to ${MAX_HITS_PER_PAGE}, default 20.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_HITS_PER_PAGE)
  hitsPerPage?: number;

  @Field(() => [TechnologyFacet], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(TechnologyFacet, { each: true })
  facets?: TechnologyFacet[];
}
