import { ArgsType, Field, ID } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ForwardConnectionArgs } from '../../common/pagination/connection.args.js';
import { IsName } from '../../common/validation/decorators.js';
import { IsPlainTextBody } from '../../common/validation/plain-text.js';
import { QuestionVisibility } from '../question.entity.js';
import { PostKind } from '../report.entity.js';
import { Trimmed } from '../../common/validation/trimmed.js';

/** Longest question, answer or comment body, in characters (UTF-16 code units). */
export const MAX_POST_LENGTH = 10_000;
export const MAX_COMMENT_LENGTH = 2000;
export const MAX_TITLE_LENGTH = 200;
export const MAX_REASON_LENGTH = 1000;
/** Techniques one question names: enough to describe it, too few to spam every expert. */
export const MAX_QUESTION_TECHNIQUES = 10;

const IsPlainId = (): PropertyDecorator => IsUUID('all', { message: 'is not a valid id' });

@ArgsType()
export class AskQuestionArgs {
  @Field({ description: `At most ${MAX_TITLE_LENGTH} characters.` })
  @Trimmed()
  @IsName(MAX_TITLE_LENGTH)
  title!: string;

  @Field({ description: `Plain text, at most ${MAX_POST_LENGTH} characters.` })
  @IsPlainTextBody(MAX_POST_LENGTH)
  body!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'A top category: the id of a root technique, or GENERAL. Left out: the category of the first technique named, else GENERAL.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  categoryId?: string;

  @Field(() => [ID], {
    nullable: true,
    description: `Techniques the question is about (Technology ids, at most ${MAX_QUESTION_TECHNIQUES}); their experts are told.`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_QUESTION_TECHNIQUES)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  techniqueIds?: string[];
}

@ArgsType()
export class QuestionIdArgs {
  @Field(() => ID) @IsPlainId() id!: string;
}

@ArgsType()
export class QuestionsArgs extends ForwardConnectionArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Only this category: a root technique’s id, or GENERAL.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  categoryId?: string;
}

@ArgsType()
export class AnswerQuestionArgs {
  @Field(() => ID) @IsPlainId() questionId!: string;

  @Field({ description: `Plain text, at most ${MAX_POST_LENGTH} characters.` })
  @IsPlainTextBody(MAX_POST_LENGTH)
  body!: string;
}

@ArgsType()
export class CommentOnPostArgs {
  @Field(() => PostKind, { description: 'QUESTION or ANSWER: comments take no comments.' })
  @IsEnum(PostKind)
  kind!: PostKind;

  @Field(() => ID) @IsPlainId() id!: string;

  @Field({ description: `Plain text, at most ${MAX_COMMENT_LENGTH} characters.` })
  @IsPlainTextBody(MAX_COMMENT_LENGTH)
  body!: string;
}

@ArgsType()
export class AcceptAnswerArgs {
  @Field(() => ID) @IsPlainId() answerId!: string;
}

@ArgsType()
export class LockQuestionArgs extends QuestionIdArgs {
  @Field({ defaultValue: true, description: 'False unlocks.' }) @IsBoolean() locked!: boolean;
}

@ArgsType()
export class SetQuestionVisibilityArgs extends QuestionIdArgs {
  @Field(() => QuestionVisibility) @IsEnum(QuestionVisibility) visibility!: QuestionVisibility;
}

@ArgsType()
export class PostArgs {
  @Field(() => PostKind) @IsEnum(PostKind) kind!: PostKind;
  @Field(() => ID) @IsPlainId() id!: string;
}

@ArgsType()
export class ReportPostArgs extends PostArgs {
  @Field({ description: `What is wrong with it: plain text, at most ${MAX_REASON_LENGTH}.` })
  @IsPlainTextBody(MAX_REASON_LENGTH)
  reason!: string;
}

@ArgsType()
export class ReportQueueArgs extends ForwardConnectionArgs {}
