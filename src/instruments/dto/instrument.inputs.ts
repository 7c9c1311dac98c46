import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.args.js';
import { IsCountryCode } from '../../common/validation/country.js';
import { IsName } from '../../common/validation/decorators.js';
import { AccessMode } from '../instrument.entity.js';
import { PatchInput } from '../../common/validation/patch-input.js';

@InputType()
export class CreateInstrumentInput {
  @Field() @IsName(300) name!: string;

  @Field(() => String, { nullable: true, description: 'Manufacturer and model.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  model?: string | null;

  @Field(() => ID) @IsString() technologyId!: string;
  @Field(() => ID) @IsString() organisationId!: string;

  @Field(() => AccessMode) @IsEnum(AccessMode) accessMode!: AccessMode;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;
}

@InputType()
export class UpdateInstrumentInput extends PatchInput(CreateInstrumentInput, { model: true }) {}

@ArgsType()
export class InstrumentsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() technologyId?: string;
  @Field({ nullable: true }) @IsOptional() @IsCountryCode() country?: string;
  @Field(() => AccessMode, { nullable: true })
  @IsOptional()
  @IsEnum(AccessMode)
  accessMode?: AccessMode;
}
