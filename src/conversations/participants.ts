import type { EntityManager } from 'typeorm';
import { ParticipantEntity, type ParticipantRole } from './participant.entity.js';

/** Who joins: a person, or a guest (an inquiry's requester by their link). */
export type Joiner =
  { personId: string; role: ParticipantRole } | { guestId: string; role: ParticipantRole };

/**
 * Adds people (or a guest) to a conversation with a fresh read pointer; someone removed before
 * is taken back, their pointer kept.
 */
export async function joinConversation(
  em: EntityManager,
  conversationId: string,
  joiners: readonly Joiner[],
): Promise<void> {
  for (const joiner of joiners) {
    const who = 'personId' in joiner ? { personId: joiner.personId } : { guestId: joiner.guestId };
    const existing = await em.findOneBy(ParticipantEntity, { conversationId, ...who });
    if (existing) {
      if (existing.removedAt) {
        await em.update(ParticipantEntity, { id: existing.id }, { removedAt: null });
      }
      continue;
    }
    await em.save(
      em.create(ParticipantEntity, {
        conversationId,
        personId: null,
        guestId: null,
        ...who,
        role: joiner.role,
        lastReadSeq: 0,
        lastReadMessageId: null,
        readAt: null,
        muted: false,
        removedAt: null,
      }),
    );
  }
}
