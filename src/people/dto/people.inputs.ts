import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { Language } from '../../common/i18n/language.js';
import { IsName } from '../../common/validation/decorators.js';
import { StaffRole } from '../person.entity.js';
import { MAX_TOKEN_LENGTH } from '../people.secrets.js';
import { Trimmed } from '../../common/validation/trimmed.js';

/** Lower-case labels of letters, digits and inner hyphens, at least two, at most 253 characters. */
export const DOMAIN_PATTERN =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

@ArgsType()
export class RequestSignInArgs {
  @Field()
  @Trimmed()
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  email!: string;

  @Field(() => Language, {
    nullable: true,
    description:
      "The mail's language for someone new; a known person gets theirs. EN when left out.",
  })
  @IsOptional()
  @IsEnum(Language)
  language?: Language;
}

@ArgsType()
export class CompleteSignInArgs {
  @Field({ description: 'The token of the sign-in link (`ksi_…`).' })
  @IsString()
  @MaxLength(MAX_TOKEN_LENGTH)
  token!: string;
}

@InputType()
export class InvitePersonInput {
  @Field()
  @Trimmed()
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  email!: string;

  @Field() @IsName(200) name!: string;

  @Field(() => Language, { nullable: true, description: 'EN when left out.' })
  @IsOptional()
  @IsEnum(Language)
  preferredLanguage?: Language;

  @Field(() => ID, {
    nullable: true,
    description: "Their organisation; left out with expertId: the expert's.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  organisationId?: string;

  @Field(() => ID, { nullable: true, description: 'The expert profile that is theirs.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  expertId?: string;

  @Field(() => StaffRole, { nullable: true, description: 'Only an admin may make staff.' })
  @IsOptional()
  @IsEnum(StaffRole)
  staffRole?: StaffRole;
}

@ArgsType()
export class SetSignInDomainsArgs {
  @Field(() => ID) @IsString() @MaxLength(200) organisationId!: string;

  @Field(() => [String], {
    description: 'Replaces the list: `lab.example` (lower case, no @); [] removes them all.',
  })
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? value.map((v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v))
      : value,
  )
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(DOMAIN_PATTERN, {
    each: true,
    message: 'must be domain names such as lab.example (lower case, no @)',
  })
  domains!: string[];
}
