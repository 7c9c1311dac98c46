import { ArgsType, Field, ID } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ConnectionArgs, ForwardConnectionArgs } from '../../common/pagination/connection.args.js';
import { IsName } from '../../common/validation/decorators.js';
import { IsPlainTextBody } from '../../common/validation/plain-text.js';
import { Trimmed } from '../../common/validation/trimmed.js';

/** Longest message body, in characters (UTF-16 code units, as clients count them). */
export const MAX_MESSAGE_LENGTH = 4000;
export const MAX_SUBJECT_LENGTH = 200;
/** Besides the starter; enough for a staff round table, not for a mailing list. */
export const MAX_STARTED_WITH = 20;

/** A message: plain text, not blank, at most MAX_MESSAGE_LENGTH characters. */
export const IsMessageBody = (): PropertyDecorator => IsPlainTextBody(MAX_MESSAGE_LENGTH);

const IsPlainId = (): PropertyDecorator => IsUUID('all', { message: 'is not a valid id' });

@ArgsType()
export class ContactExpertArgs {
  @Field(() => ID, { description: 'The expert of the directory, by their id.' })
  @IsString()
  @MaxLength(200)
  expertId!: string;

  @Field() @Trimmed() @IsName(MAX_SUBJECT_LENGTH) subject!: string;

  @Field({ description: `Plain text, at most ${MAX_MESSAGE_LENGTH} characters.` })
  @IsMessageBody()
  message!: string;
}

@ArgsType()
export class StartConversationArgs {
  @Field(() => [ID], { description: 'People to start it with (plain person ids).' })
  @IsArray()
  @ArrayMinSize(1, { message: 'must name at least one person' })
  @ArrayMaxSize(MAX_STARTED_WITH)
  @IsUUID('all', { each: true, message: 'must hold valid person ids' })
  personIds!: string[];

  @Field() @Trimmed() @IsName(MAX_SUBJECT_LENGTH) subject!: string;

  @Field({ description: `Plain text, at most ${MAX_MESSAGE_LENGTH} characters.` })
  @IsMessageBody()
  message!: string;
}

@ArgsType()
export class ConversationIdArgs {
  @Field(() => ID) @IsPlainId() conversationId!: string;
}

@ArgsType()
export class SendMessageArgs extends ConversationIdArgs {
  @Field({ description: `Plain text, at most ${MAX_MESSAGE_LENGTH} characters.` })
  @IsMessageBody()
  body!: string;
}

@ArgsType()
export class EditMessageArgs {
  @Field(() => ID) @IsPlainId() id!: string;

  @Field({ description: `Plain text, at most ${MAX_MESSAGE_LENGTH} characters.` })
  @IsMessageBody()
  body!: string;
}

@ArgsType()
export class MessageIdArgs {
  @Field(() => ID) @IsPlainId() id!: string;
}

@ArgsType()
export class MarkReadArgs extends ConversationIdArgs {
  @Field(() => ID, { description: 'Everything up to and including this message is read.' })
  @IsPlainId()
  upToMessageId!: string;
}

@ArgsType()
export class MuteConversationArgs {
  @Field(() => ID) @IsPlainId() id!: string;
  @Field() @IsBoolean() muted!: boolean;
}

@ArgsType()
export class ConversationArgs {
  @Field(() => ID) @IsPlainId() id!: string;
}

@ArgsType()
export class RemoveParticipantArgs extends ConversationIdArgs {
  @Field(() => ID) @IsPlainId() personId!: string;
}

@ArgsType()
export class MyConversationsArgs extends ForwardConnectionArgs {}

@ArgsType()
export class MessagesArgs extends ConnectionArgs {}
