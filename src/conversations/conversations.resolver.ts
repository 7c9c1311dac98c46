import {
  Args,
  Context,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { Participant, Requires, SignedIn } from '../auth/access.guard.js';
import { Role } from '../auth/caller.js';
import type { RequestContext } from '../graphql/loaders.js';
import { ConversationsService } from './conversations.service.js';
import {
  ContactExpertArgs,
  ConversationArgs,
  ConversationIdArgs,
  MessagesArgs,
  MyConversationsArgs,
  RemoveParticipantArgs,
  StartConversationArgs,
} from './dto/conversation.inputs.js';
import { LiveService } from './live.service.js';
import { MessagesService } from './messages.service.js';
import {
  ConversationConnection,
  ConversationModel,
  MessageConnection,
  MessageModel,
  ParticipantModel,
  UnreadCountChangeModel,
} from './models/conversation.model.js';

const passThrough = (payload: unknown) => payload;

@Resolver(() => ConversationModel)
export class ConversationsResolver {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly writes: MessagesService,
    private readonly live: LiveService,
  ) {}

  @SignedIn()
  @Mutation(() => ConversationModel, {
    description:
      "A member writes to an expert of the directory: opens a conversation between the two. Refused when the expert opted out of direct contact or has not signed in yet; the expert's address is never shown.",
  })
  contactExpert(@Args() args: ContactExpertArgs, @Context() ctx: RequestContext) {
    return this.conversations.contactExpert(ctx.caller, args);
  }

  @SignedIn()
  @Mutation(() => ConversationModel, {
    description: 'Staff (signed in) start a conversation with people who have an account.',
  })
  startConversation(@Args() args: StartConversationArgs, @Context() ctx: RequestContext) {
    return this.conversations.startConversation(ctx.caller, args);
  }

  @Query(() => ConversationModel, {
    description: 'For its current participants and staff; NOT_FOUND for anyone else.',
  })
  conversation(@Args() { id }: ConversationArgs, @Context() ctx: RequestContext) {
    return this.conversations.conversation(ctx.caller, id);
  }

  @SignedIn()
  @Query(() => ConversationConnection, {
    description: 'The signed-in person’s conversations, most recently active first.',
  })
  myConversations(@Args() args: MyConversationsArgs, @Context() ctx: RequestContext) {
    return this.conversations.myConversations(ctx.caller, args);
  }

  @SignedIn()
  @Query(() => Int, {
    description: 'Unread messages of the signed-in person, over conversations not muted.',
  })
  unreadMessageCount(@Context() ctx: RequestContext) {
    return this.conversations.unreadMessageCount(ctx.caller);
  }

  @Requires(Role.STAFF)
  @Mutation(() => ConversationModel, {
    description:
      'Staff: the person loses access to the conversation on every way in, open subscriptions included.',
  })
  async removeParticipant(
    @Args() { conversationId, personId }: RemoveParticipantArgs,
    @Context() ctx: RequestContext,
  ) {
    await this.writes.removeParticipant(ctx.caller, conversationId, personId);
    return this.conversations.conversation(ctx.caller, conversationId);
  }

  @ResolveField(() => [ParticipantModel])
  participants(@Parent() conversation: ConversationModel) {
    return this.conversations.participants(conversation.id);
  }

  @ResolveField(() => MessageConnection, { description: 'Oldest first; `last` reads the newest.' })
  messages(@Parent() conversation: ConversationModel, @Args() args: MessagesArgs) {
    return this.conversations.messagesOf(conversation.id, args);
  }

  @Participant()
  @Subscription(() => MessageModel, {
    resolve: passThrough,
    description:
      'Messages as they are posted in a conversation the signed-in person (or the guest of its link) takes part in (graphql-ws on /graphql). Ends when they lose access.',
  })
  messageAdded(@Args() { conversationId }: ConversationIdArgs, @Context() ctx: RequestContext) {
    return this.live.messageAdded(ctx.caller, conversationId);
  }

  @SignedIn()
  @Subscription(() => UnreadCountChangeModel, {
    resolve: passThrough,
    description:
      'The signed-in person’s unread counts, per conversation and in total, as they change.',
  })
  unreadCountChanged(@Context() ctx: RequestContext) {
    return this.live.unreadCountChanged(ctx.caller);
  }
}
