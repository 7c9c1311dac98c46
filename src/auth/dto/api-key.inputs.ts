import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsName } from '../../common/validation/decorators.js';
import { Role } from '../caller.js';

@InputType()
export class CreateApiKeyInput {
  @Field() @IsName(200) name!: string;

  @Field(() => Role) @IsEnum(Role) role!: Role;

  @Field(() => [String], {
    nullable: true,
    description: 'Cluster ids or slugs; a PARTNER key needs at least one.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  clusters?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Origins (https://example.org) whose pages may call Kenner with this key.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  allowedOrigins?: string[];
}
