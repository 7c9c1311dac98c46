import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { isStaff } from '../auth/caller.js';
import type { RequestContext } from '../graphql/loaders.js';
import { InquiryModel } from '../inquiries/models/inquiry.model.js';
import { ConversationsService } from './conversations.service.js';
import { ConversationIdArgs } from './dto/conversation.inputs.js';
import { GuestLinksService } from './guest-links.service.js';
import { ConversationModel } from './models/conversation.model.js';
import { GuestLinkModel } from './models/guest-link.model.js';

/** Staff manage a conversation's guest link; the conversation field shows it to staff only. */
@Resolver(() => ConversationModel)
export class GuestLinksResolver {
  constructor(
    private readonly links: GuestLinksService,
    private readonly conversations: ConversationsService,
  ) {}

  @Mutation(() => ConversationModel, {
    description:
      "Staff: the guest's link stops working on every way in, open subscriptions included (they end at the next event). issueConversationLink mails a new one.",
  })
  async revokeConversationLink(
    @Args() { conversationId }: ConversationIdArgs,
    @Context() ctx: RequestContext,
  ) {
    await this.links.revoke(conversationId);
    return this.conversations.conversation(ctx.caller, conversationId);
  }

  @Mutation(() => ConversationModel, {
    description:
      'Staff: mails the guest (the inquiry’s requester) a new personal link, valid CONVERSATION_LINK_DAYS; the former link stops working.',
  })
  async issueConversationLink(
    @Args() { conversationId }: ConversationIdArgs,
    @Context() ctx: RequestContext,
  ) {
    await this.links.reissue(conversationId);
    return this.conversations.conversation(ctx.caller, conversationId);
  }

  @ResolveField(() => GuestLinkModel, {
    nullable: true,
    description: 'Staff only (null for anyone else): the guest link, if the conversation has one.',
  })
  async guestLink(
    @Parent() conversation: ConversationModel,
    @Context() ctx: RequestContext,
  ): Promise<GuestLinkModel | null> {
    if (!isStaff(ctx.caller)) return null;
    const guest = await this.links.linkOf(conversation.id);
    if (!guest) return null;
    return Object.assign(new GuestLinkModel(), {
      name: guest.name,
      expiresAt: guest.expiresAt,
      revokedAt: guest.revokedAt,
      lastUsedAt: guest.lastUsedAt,
      active: !guest.revokedAt && guest.expiresAt.getTime() > Date.now(),
    });
  }
}

/** An inquiry shows staff its conversation (inquiries are staff's only). */
@Resolver(() => InquiryModel)
export class InquiryConversationResolver {
  constructor(private readonly conversations: ConversationsService) {}

  @ResolveField(() => ConversationModel, {
    nullable: true,
    description: 'The conversation opened by introduceExperts with a message, if any.',
  })
  conversation(@Parent() inquiry: InquiryModel, @Context() ctx: RequestContext) {
    return this.conversations.inquiryConversation(ctx.caller, inquiry.dbId);
  }
}
