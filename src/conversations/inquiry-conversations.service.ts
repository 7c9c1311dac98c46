import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { type Caller, isStaff } from '../auth/caller.js';
import { badInput, DomainError, ErrorCode } from '../common/errors/domain-error.js';
import { Environment } from '../config/environment.js';
import type { ExpertEntity } from '../experts/expert.entity.js';
import type { InquiryEntity } from '../inquiries/inquiry.entity.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { PersonEntity } from '../people/person.entity.js';
import { ConversationEntity, ConversationKind } from './conversation.entity.js';
import { introducedInConversationMail } from './guest-link-mails.js';
import { GuestLinksService } from './guest-links.service.js';
import type { MessageEntity } from './message.entity.js';
import { MessagesService } from './messages.service.js';
import { ParticipantEntity, ParticipantRole } from './participant.entity.js';
import { joinConversation } from './participants.js';
import { PostingLimit } from '../rate-limits/posting-limit.js';

/**
 * Introductions on an inquiry held in one conversation (kind INQUIRY) between the requester
 * (a guest by a mailed link: requesters have no account), the staff who introduce, and the
 * experts. Runs inside the inquiry's transaction (inquiries.service.ts), so an introduction and
 * its conversation are stored together or not at all.
 */
@Injectable()
export class InquiryConversationsService {
  constructor(
    private readonly env: Environment,
    private readonly messages: MessagesService,
    private readonly guests: GuestLinksService,
    private readonly limit: PostingLimit,
    private readonly outbox: NotificationOutbox,
  ) {}

  conversationOf(em: EntityManager, inquiryId: string): Promise<ConversationEntity | null> {
    return em.findOneBy(ConversationEntity, { inquiryId, kind: ConversationKind.INQUIRY });
  }

  /**
   * Opens the inquiry's conversation, or adds the experts to it, and posts the staff person's
   * message. Experts must have signed in (someone must read); the requester's address is never
   * shown in it: they appear by name. Returns the message to announce once committed.
   */
  async introduce(
    em: EntityManager,
    caller: Caller,
    inquiry: InquiryEntity,
    experts: ExpertEntity[],
    message: string,
  ): Promise<MessageEntity> {
    if (!caller.personId || !isStaff(caller)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'a conversation with the requester is opened by a signed-in staff person; a staff key introduces by mail only (leave out message)',
        'message',
      );
    }
    const staffId = caller.personId;
    const people = await em.findBy(PersonEntity, { expertId: In(experts.map((e) => e.id)) });
    const absent = experts.filter((e) => !people.some((p) => p.expertId === e.id));
    if (absent.length) {
      throw badInput(
        'expertIds',
        `${absent.map((e) => e.name).join(', ')} never signed in to Kenner, so no one would read the conversation: ask them to sign in first`,
      );
    }
    await this.limit.count(staffId, 'message');
    const existing = await this.conversationOf(em, inquiry.id);
    const conversation = existing ?? (await this.open(em, inquiry));
    const before = existing
      ? await em.findBy(ParticipantEntity, { conversationId: conversation.id })
      : [];
    const current = (personId: string) =>
      before.some((p) => p.personId === personId && !p.removedAt);
    const joining = people.filter((p) => !current(p.id));
    await joinConversation(em, conversation.id, [
      { personId: staffId, role: ParticipantRole.STAFF },
      ...joining.map((p) => ({ personId: p.id, role: ParticipantRole.EXPERT })),
    ]);
    if (!existing) {
      const guest = await this.guests.create(
        em,
        conversation,
        inquiry,
        experts.map((e) => e.name),
      );
      await joinConversation(em, conversation.id, [
        { guestId: guest.id, role: ParticipantRole.GUEST },
      ]);
    }
    await this.outbox.enqueue(
      em,
      joining.map((person) =>
        introducedInConversationMail({
          to: person.email,
          expertName: experts.find((e) => e.id === person.expertId)?.name ?? person.name,
          requesterName: inquiry.requesterName,
          organisation: inquiry.organisation,
          reference: inquiry.reference,
          description: inquiry.description,
          link: this.link(conversation.id),
        }),
      ),
    );
    return this.messages.insert(em, conversation.id, { personId: staffId, guestId: null }, message);
  }

  private async open(em: EntityManager, inquiry: InquiryEntity): Promise<ConversationEntity> {
    return em.save(
      em.create(ConversationEntity, {
        subject: `Inquiry ${inquiry.reference}`,
        kind: ConversationKind.INQUIRY,
        inquiryId: inquiry.id,
        lastSeq: 0,
        lastMessageAt: new Date(),
      }),
    );
  }

  private link(conversationId: string): string | null {
    const base = this.env.PUBLIC_URL?.replace(/\/+$/, '');
    return base ? `${base}/conversations/${conversationId}` : null;
  }
}
