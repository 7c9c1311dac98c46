import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsDate, IsOptional } from 'class-validator';
import { IsIntBetween } from '../../common/validation/decorators.js';

@ArgsType()
export class AuditLogArgs {
  @Field(() => Int, { defaultValue: 50 })
  @IsIntBetween(1, 500)
  limit!: number;

  @Field({ nullable: true, description: 'Only entries older than this instant.' })
  @IsOptional()
  @IsDate()
  before?: Date;
}
