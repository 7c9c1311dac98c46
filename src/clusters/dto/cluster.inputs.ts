import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { IsName, IsSlug } from '../../common/validation/decorators.js';
import { PatchInput } from '../../common/validation/patch-input.js';

@InputType()
export class CreateClusterInput {
  @Field() @IsName() name!: string;
  @Field() @IsSlug() slug!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ require_protocol: true }, { message: 'must be a URL starting with http(s)://' })
  website?: string | null;
}

@InputType()
export class UpdateClusterInput extends PatchInput(CreateClusterInput, { website: true }) {}
