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
 * Strangers are told it does not exist, as for an unknown id, so ids reveal nothing.
 */
export async function readableConversation(
  em: EntityManager,
  caller: Caller,
  conversationId: string,
): Promise<Access> {
  const conversation = await em.findOneBy(ConversationEntity, { id: conversationId });
  const own =
    conversation && caller.personId
      ? await em.findOneBy(ParticipantEntity, { conversationId, personId: caller.personId })
      : null;
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

/** Kept here for the conversation files that import it; one definition, in auth. */
export { personOf } from '../auth/signed-in-person.js';
