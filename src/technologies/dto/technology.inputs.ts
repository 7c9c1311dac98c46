import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.args.js';
import { IsName, IsSlug } from '../../common/validation/decorators.js';
import { PatchInput } from '../../common/validation/patch-input.js';

@InputType()
export class CreateTechnologyInput {
  @Field({ description: 'English name.' }) @IsName(300) name!: string;
  @Field() @IsSlug() slug!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  nameFr?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  nameDe?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  nameNl?: string | null;

  @Field(() => [String], { nullable: true, description: 'In any language: XRD, DRX.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(30, { each: true })
  acronyms?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  synonyms?: string[];

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @Field(() => ID, { nullable: true, description: 'The broader technique; none for a category.' })
  @IsOptional()
  @IsString()
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'CHAMEO IRI.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  chameoId?: string | null;

  @Field(() => String, { nullable: true, description: 'CHMO id, e.g. CHMO:0000156.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  chmoId?: string | null;

  @Field(() => String, { nullable: true, description: 'Wikidata item, e.g. Q12101.' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  wikidataId?: string | null;
}

@InputType()
export class UpdateTechnologyInput extends PatchInput(CreateTechnologyInput, {
  nameFr: true,
  nameDe: true,
  nameNl: true,
  parentId: true,
  chameoId: true,
  chmoId: true,
  wikidataId: true,
}) {}

@ArgsType()
export class TechnologiesArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Direct children of this technique.' })
  @IsOptional()
  @IsString()
  parentId?: string;

  @Field(() => ID, { nullable: true, description: 'Everything under this category (root).' })
  @IsOptional()
  @IsString()
  categoryId?: string;

  @Field({ nullable: true, description: 'Only the categories (roots of the taxonomy).' })
  @IsOptional()
  @IsBoolean()
  rootsOnly?: boolean;
}
