import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.model.js';
import { ConversationKind } from '../conversation.entity.js';
import { ParticipantRole } from '../participant.entity.js';

registerEnumType(ConversationKind, {
  name: 'ConversationKind',
  description:
    'DIRECT: a member contacted an expert from the directory; INQUIRY: staff introduced experts on an inquiry; STAFF: staff started it.',
});
registerEnumType(ParticipantRole, { name: 'ParticipantRole' });

@ObjectType('ConversationPerson', {
  description:
    'A participant as the other participants see them: a name, never an address or a profile.',
})
export class ConversationPersonModel {
  @Field(() => ID) id!: string;
  @Field({ description: 'Empty when they gave none yet.' }) name!: string;
}

@ObjectType('ConversationParticipant')
export class ParticipantModel {
  @Field(() => ConversationPersonModel) person!: ConversationPersonModel;
  @Field(() => ParticipantRole) role!: ParticipantRole;
}

@ObjectType('Message', {
  description: 'Plain text: clients show it as text (links as text or plain links), never as HTML.',
})
export class MessageModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) conversationId!: string;
  @Field(() => Int, { description: 'Its place in the conversation: 1, 2, 3…' }) seq!: number;
  @Field(() => String, { nullable: true, description: 'Null once deleted.' })
  body!: string | null;
  @Field({ description: 'Deleted by its author or staff: a placeholder stays in its place.' })
  deleted!: boolean;
  @Field(() => ConversationPersonModel, {
    nullable: true,
    description: 'Null when the account is gone.',
  })
  author!: ConversationPersonModel | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) editedAt!: Date | null;
}

@ObjectType('MessageConnection')
export class MessageConnection extends ConnectionType(MessageModel, 'Message') {}

@ObjectType('Conversation', {
  description: 'Seen only by its current participants and by staff.',
})
export class ConversationModel {
  @Field(() => ID) id!: string;
  @Field() subject!: string;
  @Field(() => ConversationKind) kind!: ConversationKind;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => GraphQLISODateTime) lastMessageAt!: Date;
  @Field(() => Int, {
    description: "Messages by others after the caller's read pointer; 0 for staff reading along.",
  })
  unreadCount!: number;
  @Field({ description: "The caller's own mute; false for staff reading along." })
  muted!: boolean;
  @Field(() => ID, {
    nullable: true,
    description: 'The last message the caller has read (markRead).',
  })
  lastReadMessageId!: string | null;
}

@ObjectType('ConversationConnection')
export class ConversationConnection extends ConnectionType(ConversationModel, 'Conversation') {}

@ObjectType('UnreadCountChange', {
  description: 'Sent when a conversation of the signed-in person gains or loses unread messages.',
})
export class UnreadCountChangeModel {
  @Field(() => ID) conversationId!: string;
  @Field(() => Int, { description: 'Unread in that conversation.' }) unreadCount!: number;
  @Field(() => Int, { description: 'Unread in every conversation not muted.' })
  unreadMessageCount!: number;
}
