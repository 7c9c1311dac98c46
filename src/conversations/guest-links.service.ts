import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { hashSecret } from '../auth/api-key.secret.js';
import { ANONYMOUS, type Caller } from '../auth/caller.js';
import { type ConversationGuests, GUEST_LINK_PREFIX } from '../auth/conversation-guests.js';
import { badInput, notFound } from '../common/errors/domain-error.js';
import { UUID } from '../common/graphql/global-id.js';
import { Environment } from '../config/environment.js';
import { InquiryEntity } from '../inquiries/inquiry.entity.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { ConversationEvents } from './conversation-events.js';
import { ConversationGuestEntity } from './conversation-guest.entity.js';
import { ConversationEntity } from './conversation.entity.js';
import { conversationLinkMail } from './guest-link-mails.js';
import { ParticipantEntity } from './participant.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Longer than any link token: refused before it is hashed. */
const MAX_TOKEN_LENGTH = 100;
const LAST_USED_PRECISION_MS = 60_000;

/** 256 random bits, base64url, behind the `kcg_` prefix; stored only as its SHA-256. */
const newGuestToken = (): string => `${GUEST_LINK_PREFIX}${randomBytes(32).toString('base64url')}`;

/** What a guest is on every way in: an anonymous caller holding one conversation. */
const guestCaller = (guest: ConversationGuestEntity): Caller => ({
  ...ANONYMOUS,
  clusterIds: [],
  clusterSlugs: [],
  allowedOrigins: [],
  guest: { id: guest.id, conversationId: guest.conversationId, tokenHash: guest.tokenHash },
});

/**
 * Conversation links: a requester without an account takes part in one conversation through a
 * mailed capability token, revocable by staff and expiring after CONVERSATION_LINK_DAYS. Read on
 * every request and, for open subscriptions, at every event (through CONVERSATION_GUESTS).
 */
@Injectable()
export class GuestLinksService implements ConversationGuests {
  private readonly logger = new Logger('ConversationLinks');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Environment,
    private readonly outbox: NotificationOutbox,
    private readonly events: ConversationEvents,
  ) {}

  resolve(token: string): Promise<Caller | null> {
    if (token.length > MAX_TOKEN_LENGTH) return Promise.resolve(null);
    return this.callerOf({ tokenHash: hashSecret(token) });
  }

  resolveId(guestId: string): Promise<Caller | null> {
    return UUID.test(guestId) ? this.callerOf({ id: guestId }) : Promise.resolve(null);
  }

  /**
   * The guest of a new conversation, with the mail holding their link; in the caller's
   * transaction. `experts`: the names the mail introduces.
   */
  async create(
    em: EntityManager,
    conversation: ConversationEntity,
    inquiry: InquiryEntity,
    experts: string[],
  ): Promise<ConversationGuestEntity> {
    const token = newGuestToken();
    const guest = await em.save(
      em.create(ConversationGuestEntity, {
        conversationId: conversation.id,
        name: inquiry.requesterName,
        tokenHash: hashSecret(token),
        expiresAt: this.expiry(),
        revokedAt: null,
        lastUsedAt: null,
      }),
    );
    await this.mail(em, guest, inquiry, experts, token);
    return guest;
  }

  /** Staff: the link stops working on every way in, open subscriptions at their next event. */
  async revoke(conversationId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const guest = await this.guestOf(em, conversationId);
      if (!guest.revokedAt)
        await em.update(ConversationGuestEntity, guest.id, { revokedAt: new Date() });
    });
    await this.events.publish({ kind: 'participants', conversationId });
  }

  /**
   * Staff: a new link mailed to the requester; the former one stops working. A guest removed
   * from the conversation (removeParticipant) stays removed: no new link is mailed.
   */
  async reissue(conversationId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const guest = await this.guestOf(em, conversationId);
      const conversation = await em.findOneByOrFail(ConversationEntity, { id: conversationId });
      const inquiry = conversation.inquiryId
        ? await em.findOneBy(InquiryEntity, { id: conversation.inquiryId })
        : null;
      if (!inquiry) {
        throw badInput('conversationId', 'its inquiry is gone: there is no address to mail');
      }
      const participant = await em.findOneBy(ParticipantEntity, { guestId: guest.id });
      if (!participant || participant.removedAt) {
        throw badInput('conversationId', 'its guest was removed from the conversation');
      }
      const token = newGuestToken();
      guest.tokenHash = hashSecret(token);
      guest.expiresAt = this.expiry();
      guest.revokedAt = null;
      await em.save(guest);
      await this.mail(em, guest, inquiry, [], token);
    });
    // Sockets opened with the former link end at their next event (live.service.ts).
    await this.events.publish({ kind: 'participants', conversationId });
  }

  /** The guest of a conversation, for staff. */
  async linkOf(conversationId: string): Promise<ConversationGuestEntity | null> {
    return this.db.getRepository(ConversationGuestEntity).findOneBy({ conversationId });
  }

  private async guestOf(em: EntityManager, conversationId: string) {
    if (!(await em.existsBy(ConversationEntity, { id: conversationId }))) {
      throw notFound('conversation', conversationId);
    }
    const guest = await em.findOneBy(ConversationGuestEntity, { conversationId });
    if (!guest) throw badInput('conversationId', 'this conversation has no guest link');
    return guest;
  }

  private expiry(): Date {
    return new Date(Date.now() + this.env.CONVERSATION_LINK_DAYS * DAY_MS);
  }

  private async mail(
    em: EntityManager,
    guest: ConversationGuestEntity,
    inquiry: InquiryEntity,
    experts: string[],
    token: string,
  ): Promise<void> {
    const base = this.env.PUBLIC_URL?.replace(/\/+$/, '');
    const link = base ? `${base}/conversations/${guest.conversationId}#link=${token}` : null;
    await this.outbox.enqueue(em, [
      conversationLinkMail({
        to: inquiry.email,
        name: guest.name,
        reference: inquiry.reference,
        experts,
        token,
        link,
        expiresAt: guest.expiresAt,
      }),
    ]);
  }

  /** A guest whose link stands: not revoked, not expired, still a participant. */
  private async callerOf(where: { tokenHash: string } | { id: string }): Promise<Caller | null> {
    const repo = this.db.getRepository(ConversationGuestEntity);
    const guest = await repo.findOneBy(where);
    const now = Date.now();
    if (!guest || guest.revokedAt || guest.expiresAt.getTime() <= now) return null;
    const participant = await this.db
      .getRepository(ParticipantEntity)
      .findOneBy({ guestId: guest.id });
    if (!participant || participant.removedAt) return null;
    if (now - (guest.lastUsedAt?.getTime() ?? 0) > LAST_USED_PRECISION_MS) {
      void repo
        .update(guest.id, { lastUsedAt: new Date(now) })
        .catch((error: unknown) => this.logger.warn(`lastUsedAt not recorded: ${String(error)}`));
    }
    return guestCaller(guest);
  }
}
