import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Language } from '../../common/i18n/language.js';
import { IsIntBetween } from '../../common/validation/decorators.js';
import { IsPlainTextBody } from '../../common/validation/plain-text.js';
import { MAX_POST_LENGTH, MAX_TITLE_LENGTH } from '../../forum/dto/forum.inputs.js';
import { PatchInput } from '../../common/validation/patch-input.js';
import { Trimmed } from '../../common/validation/trimmed.js';

/** Long enough for a forum question copied whole (title, blank line, body): see draftFaqFromAnswer. */
export const MAX_FAQ_QUESTION = MAX_TITLE_LENGTH + 2 + MAX_POST_LENGTH;
export const MAX_FAQ_ANSWER = MAX_POST_LENGTH;
export const MAX_FAQ_POSITION = 100_000;

const IsPlainId = (): PropertyDecorator => IsUUID('all', { message: 'is not a valid id' });
const CATEGORY_DESCRIPTION =
  'A top category of the technique taxonomy (a root technique’s id), or GENERAL: as `forumCategories` lists them.';

@InputType()
export class FaqTranslationInput {
  @Field(() => Language) @IsEnum(Language) language!: Language;

  @Field({ description: `Plain text, at most ${MAX_FAQ_QUESTION} characters.` })
  @Trimmed()
  @IsPlainTextBody(MAX_FAQ_QUESTION)
  question!: string;

  @Field({ description: `Plain text, at most ${MAX_FAQ_ANSWER} characters.` })
  @Trimmed()
  @IsPlainTextBody(MAX_FAQ_ANSWER)
  answer!: string;
}

@InputType()
export class CreateFaqEntryInput {
  @Field(() => ID, { description: CATEGORY_DESCRIPTION })
  @IsString()
  @MaxLength(200)
  categoryId!: string;

  @Field(() => [FaqTranslationInput], {
    description: 'One per language (EN, FR, DE, NL), at least one; a language left out is absent.',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'must hold at least one language' })
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => FaqTranslationInput)
  translations!: FaqTranslationInput[];

  @Field(() => Int, {
    nullable: true,
    description: 'Place within the category, smallest first; after the others when left out.',
  })
  @IsOptional()
  @IsIntBetween(0, MAX_FAQ_POSITION)
  position?: number;
}

/** Every field optional; `translations`, when given, replaces all of them. */
@InputType()
export class UpdateFaqEntryInput extends PatchInput(CreateFaqEntryInput, {}) {}

@ArgsType()
export class FaqEntryIdArgs {
  @Field(() => ID) @IsPlainId() id!: string;
}

@ArgsType()
export class UpdateFaqEntryArgs extends FaqEntryIdArgs {
  @Field(() => UpdateFaqEntryInput)
  @ValidateNested()
  @Type(() => UpdateFaqEntryInput)
  input!: UpdateFaqEntryInput;
}

@ArgsType()
export class FaqEntriesArgs {
  @Field(() => ID, { nullable: true, description: `Only this category: ${CATEGORY_DESCRIPTION}` })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  categoryId?: string | null;

  @Field(() => Language, { nullable: true, description: 'Only entries written in this language.' })
  @IsOptional()
  @IsEnum(Language)
  language?: Language | null;
}

@ArgsType()
export class DraftFaqFromAnswerArgs {
  @Field(() => ID, { description: 'An accepted answer of the forum.' })
  @IsPlainId()
  answerId!: string;

  @Field(() => Language, {
    nullable: true,
    defaultValue: Language.EN,
    description: 'The language the question and answer are written in (EN when left out).',
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language | null;
}
