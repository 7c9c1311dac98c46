import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.args.js';
import { IsCountryCode } from '../../common/validation/country.js';
import { IsName } from '../../common/validation/decorators.js';
import { OrganisationType } from '../organisation.entity.js';
import { PatchInput } from '../../common/validation/patch-input.js';

export const ROR_ID = /^https:\/\/ror\.org\/0[a-z0-9]{6}\d{2}$/;

@InputType()
export class CreateOrganisationInput {
  @Field() @IsName(300) name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  acronym?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  aliases?: string[];

  @Field(() => OrganisationType)
  @IsEnum(OrganisationType)
  type!: OrganisationType;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'must be a URL starting with http(s)://' })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  city?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  region?: string | null;

  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. LU.' })
  @IsCountryCode()
  country!: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLatitude({ message: 'must be a latitude between -90 and 90' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsLongitude({ message: 'must be a longitude between -180 and 180' })
  longitude?: number | null;

  @Field(() => String, { nullable: true, description: 'ROR id as URL: https://ror.org/0xxxxxx00' })
  @IsOptional()
  @Matches(ROR_ID, { message: 'must be a ROR id URL such as https://ror.org/01t178j62' })
  rorId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Clusters the organisation is a member of.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  clusterIds?: string[];
}

@InputType()
export class UpdateOrganisationInput extends PatchInput(CreateOrganisationInput, {
  acronym: true,
  website: true,
  city: true,
  region: true,
  latitude: true,
  longitude: true,
  rorId: true,
}) {}

@ArgsType()
export class OrganisationsArgs extends ConnectionArgs {
  @Field({ nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  clusterId?: string;

  @Field(() => OrganisationType, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationType)
  type?: OrganisationType;

  @Field(() => ID, { nullable: true, description: 'Organisations with an instrument for it.' })
  @IsOptional()
  @IsString()
  technologyId?: string;
}
