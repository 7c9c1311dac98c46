import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Language } from '../../../common/i18n/language.js';
import { IsIntBetween } from '../../../common/validation/decorators.js';
import { ExpertFacet } from '../expert-facets.js';

@ArgsType()
export class FacetValuesArgs {
  @Field(() => ExpertFacet)
  @IsEnum(ExpertFacet)
  facet!: ExpertFacet;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(100, { message: 'must be at most 100 characters' })
  query!: string;

  @Field(() => Int, { defaultValue: 10 })
  @IsIntBetween(1, 100)
  limit!: number;

  @Field(() => Language, {
    nullable: true,
    defaultValue: Language.EN,
    description: 'The language of the labels; the query matches labels in every language.',
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language | null;
}
