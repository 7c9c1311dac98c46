import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Language } from '../../common/i18n/language.js';
import { MAX_HITS_PER_PAGE } from './faceted-query.js';

/** What every search input shares: the free text, the page and the language of labels. */
@InputType({ isAbstract: true })
export abstract class SearchPageInput {
  @Field({
    nullable: true,
    description: 'Free text: names in any language, acronyms, synonyms; typos are forgiven.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  query?: string;

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

  @Field(() => Language, {
    nullable: true,
    defaultValue: Language.EN,
    description: 'The language of facet value labels (the query matches in every language).',
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language | null;
}
