import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';

@ObjectType('ConversationGuestLink', {
  description:
    "The personal link of a conversation's guest (an inquiry's requester without an account). Staff only; the token itself is never shown again after it was mailed.",
})
export class GuestLinkModel {
  @Field({ description: 'How the other participants see the guest.' }) name!: string;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'To the minute.' })
  lastUsedAt!: Date | null;
  @Field({ description: 'Neither revoked nor expired (the guest may still have been removed).' })
  active!: boolean;
}
