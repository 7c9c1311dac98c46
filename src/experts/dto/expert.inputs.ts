import { ArgsType, Field, ID, InputType, Int, PickType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.args.js';
import { IsCountryCode } from '../../common/validation/country.js';
import { IsName } from '../../common/validation/decorators.js';
import { SkillLevel } from '../expert-skill.entity.js';
import { ServiceKind, Visibility } from '../expert.entity.js';
import { PatchInput } from '../../common/validation/patch-input.js';

const ISO_639_1 = /^[a-z]{2}$/;
const DATE_ONLY = { strict: true, strictSeparator: true };

@InputType()
export class SkillInput {
  @Field(() => ID) @IsString() technologyId!: string;
  @Field(() => SkillLevel) @IsEnum(SkillLevel) level!: SkillLevel;

  @Field(() => Int, { nullable: true, description: 'Years of practice.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(70)
  years?: number | null;
}

@InputType()
export class CreateExpertInput {
  @Field() @IsName() name!: string;

  @Field({ description: 'Contact e-mail; unique, stored lower-case.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  @MaxLength(320)
  email!: string;

  @Field(() => ID) @IsString() organisationId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  jobTitle?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  bio?: string;

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes: en, fr, de, nl, lb…' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ISO_639_1, { each: true, message: 'must hold ISO 639-1 codes such as "fr"' })
  languages?: string[];

  @Field(() => [SkillInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SkillInput)
  skills?: SkillInput[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  materialIds?: string[];

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  sectorIds?: string[];

  @Field(() => [ServiceKind], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(ServiceKind, { each: true })
  services?: ServiceKind[];

  @Field(() => Visibility, { nullable: true, description: 'Defaults to PUBLIC.' })
  @IsOptional()
  @IsEnum(Visibility)
  visibility?: Visibility;

  @Field({
    nullable: true,
    description: 'False: the expert does not want to be contacted directly. Defaults to true.',
  })
  @IsOptional()
  @IsBoolean()
  acceptsDirectContact?: boolean;

  @Field({
    nullable: true,
    description:
      'False: the expert is not mailed new forum questions on their techniques. Defaults to true.',
  })
  @IsOptional()
  @IsBoolean()
  notifyOfQuestions?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()./-]{4,40}$/, { message: 'must be a phone number such as +352 123 456' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Day consent was given, YYYY-MM-DD.' })
  @IsOptional()
  @IsISO8601(DATE_ONLY, { message: 'must be a date as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  consentAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Day the profile was last checked.' })
  @IsOptional()
  @IsISO8601(DATE_ONLY, { message: 'must be a date as YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' })
  lastVerifiedAt?: string | null;
}

@InputType({ description: "Lists given here replace the expert's current ones." })
export class UpdateExpertInput extends PatchInput(CreateExpertInput, {
  phone: true,
  consentAt: true,
  lastVerifiedAt: true,
}) {}

/** What an expert edits of their own profile; the rest (name, contacts, dates) is staff's. */
const EXPERT_OWN_FIELDS = [
  'jobTitle',
  'bio',
  'languages',
  'skills',
  'materialIds',
  'sectorIds',
  'services',
  'visibility',
  'acceptsDirectContact',
  'notifyOfQuestions',
] as const;

@InputType({
  description:
    "An expert's edit of their own profile: fields left out keep their value, lists given replace the current ones. Visibility: PUBLIC or MEMBERS (STAFF is the staff's decision).",
})
export class UpdateMyExpertProfileInput extends PatchInput(
  PickType(CreateExpertInput, EXPERT_OWN_FIELDS),
  {},
) {}

export type ExpertOwnUpdate = UpdateMyExpertProfileInput;

@ArgsType()
export class ExpertsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() organisationId?: string;
  @Field(() => ID, { nullable: true, description: 'Experts with a skill in this technique.' })
  @IsOptional()
  @IsString()
  technologyId?: string;
  @Field({ nullable: true, description: "Country of the expert's organisation." })
  @IsOptional()
  @IsCountryCode()
  country?: string;
  @Field(() => ID, { nullable: true, description: 'Experts of member organisations.' })
  @IsOptional()
  @IsString()
  clusterId?: string;
}
