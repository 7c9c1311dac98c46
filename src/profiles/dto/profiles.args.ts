import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsOptional } from 'class-validator';
import { ConnectionArgs } from '../../common/pagination/connection.args.js';
import { IsIntBetween } from '../../common/validation/decorators.js';

@ArgsType()
export class StaleProfilesArgs extends ConnectionArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Not confirmed for this many months; PROFILE_REMINDER_MONTHS when left out.',
  })
  @IsOptional()
  @IsIntBetween(1, 1200)
  olderThanMonths?: number;
}
