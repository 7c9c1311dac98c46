import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsName, IsSlug } from '../../common/validation/decorators.js';
import { PatchInput } from '../../common/validation/patch-input.js';

@InputType({ description: 'A material or sector: a slug and its names.' })
export class CreateVocabularyEntryInput {
  @Field() @IsSlug() slug!: string;
  @Field({ description: 'English name.' }) @IsName() name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameFr?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameDe?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameNl?: string | null;
}

@InputType()
export class UpdateVocabularyEntryInput extends PatchInput(CreateVocabularyEntryInput, {
  nameFr: true,
  nameDe: true,
  nameNl: true,
}) {}
