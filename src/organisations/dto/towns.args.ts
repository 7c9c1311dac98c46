import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Language } from '../../common/i18n/language.js';
import { IsIntBetween } from '../../common/validation/decorators.js';

export const TOWNS_DEFAULT_LIMIT = 10;

@ArgsType()
export class TownsArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the town name, accents and case ignored; every town when left out.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'must be at most 100 characters' })
  query?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: TOWNS_DEFAULT_LIMIT, description: '1 to 50.' })
  @IsOptional()
  @IsIntBetween(1, 50)
  limit?: number | null;

  @Field(() => Language, {
    nullable: true,
    defaultValue: Language.EN,
    description: 'The language of `countryName`.',
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language | null;
}
