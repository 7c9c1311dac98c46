import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { Participant, SignedIn } from '../auth/access.guard.js';
import type { RequestContext } from '../graphql/loaders.js';
import {
  EditMessageArgs,
  MarkReadArgs,
  MessageIdArgs,
  MuteConversationArgs,
  SendMessageArgs,
} from './dto/conversation.inputs.js';
import { ConversationsService } from './conversations.service.js';
import { MessagesService } from './messages.service.js';
import { ConversationModel, MessageModel } from './models/conversation.model.js';

/**
 * Writes of participants: each needs a signed-in person taking part (staff: deletion too); a
 * guest of a conversation link posts and marks read in their one conversation.
 */
@SignedIn()
@Resolver(() => MessageModel)
export class MessagesResolver {
  constructor(
    private readonly messages: MessagesService,
    private readonly conversations: ConversationsService,
  ) {}

  @Participant()
  @Mutation(() => MessageModel, {
    description: 'Plain text, in a conversation you take part in (also as the guest of its link).',
  })
  sendMessage(@Args() { conversationId, body }: SendMessageArgs, @Context() ctx: RequestContext) {
    return this.messages.send(ctx.caller, conversationId, body);
  }

  @Mutation(() => MessageModel, { description: 'Your own message; its former text is kept.' })
  editMessage(@Args() { id, body }: EditMessageArgs, @Context() ctx: RequestContext) {
    return this.messages.edit(ctx.caller, id, body);
  }

  @Mutation(() => MessageModel, {
    description: 'Your own message, or any as staff: a placeholder without text stays.',
  })
  deleteMessage(@Args() { id }: MessageIdArgs, @Context() ctx: RequestContext) {
    return this.messages.delete(ctx.caller, id);
  }

  @Participant()
  @Mutation(() => ConversationModel, {
    description: 'Moves your read pointer forward to this message (never back).',
  })
  async markRead(
    @Args() { conversationId, upToMessageId }: MarkReadArgs,
    @Context() ctx: RequestContext,
  ) {
    await this.messages.markRead(ctx.caller, conversationId, upToMessageId);
    return this.conversations.conversation(ctx.caller, conversationId);
  }

  @Mutation(() => ConversationModel, {
    description: 'A muted conversation counts in no total and mails nothing.',
  })
  async muteConversation(
    @Args() { id, muted }: MuteConversationArgs,
    @Context() ctx: RequestContext,
  ) {
    await this.messages.mute(ctx.caller, id, muted);
    return this.conversations.conversation(ctx.caller, id);
  }
}
