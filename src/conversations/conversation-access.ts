import type { EntityManager } from 'typeorm';
import { type Caller, isStaff } from '../auth/caller.js';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error.js';
import { ConversationEntity } from './conversation.entity.js';
import { ParticipantEntity } from './participant.entity.js';

/** A conversation the caller may read, and their own participation (null: staff reading along). */
export interface Access {
  conversation: ConversationEntity;
  own: ParticipantEntity | null;
}

/**
 * The one rule of who sees a conversation, read on every way in (queries, writes, every event of
 * a subscription): its current participants, and staff. A removed participant is a stranger.
 * Strangers are told it does not exist, as for an unknown id, so ids reveal nothing. A guest (a
 * conversation link, already checked as not revoked nor expired when the caller was resolved)
 * is a participant of its one conversation and a stranger to every other.
 */
export async function readableConversation(
  em: EntityManager,
  caller: Caller,
  conversationId: string,
): Promise<Access> {
  const conversation = await em.findOneBy(ConversationEntity, { id: conversationId });
  const own = conversation ? await participation(em, caller, conversationId) : null;
  if (conversation && own && !own.removedAt) return { conversation, own };
  if (conversation && isStaff(caller)) return { conversation, own: null };
  throw notFound('conversation', conversationId);
}

/** Writing needs a current participant: staff reading along join nothing by writing. */
export async function ownConversation(
  em: EntityManager,
  caller: Caller,
  conversationId: string,
): Promise<Required<{ conversation: ConversationEntity; own: ParticipantEntity }>> {
  const { conversation, own } = await readableConversation(em, caller, conversationId);
  if (!own) {
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      'only its participants write in a conversation; staff read along',
    );
  }
  return { conversation, own };
}

function participation(
  em: EntityManager,
  caller: Caller,
  conversationId: string,
): Promise<ParticipantEntity | null> {
  if (caller.personId) {
    return em.findOneBy(ParticipantEntity, { conversationId, personId: caller.personId });
  }
  if (caller.guest?.conversationId === conversationId) {
    return em.findOneBy(ParticipantEntity, { conversationId, guestId: caller.guest.id });
  }
  return Promise.resolve(null);
}

/** Kept here for the conversation files that import it; one definition, in auth. */
export { personOf } from '../auth/signed-in-person.js';
