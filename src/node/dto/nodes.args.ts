import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../common/pagination/connection.args.js';

@ArgsType()
export class NodesArgs {
  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(MAX_PAGE_SIZE, { message: `must hold at most ${MAX_PAGE_SIZE} ids` })
  ids!: string[];
}
