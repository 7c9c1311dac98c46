import { Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull } from 'typeorm';
import { ConversationGuestEntity } from './conversation-guest.entity.js';
import { ConversationEntity } from './conversation.entity.js';
import { MessageRevisionEntity } from './message-revision.entity.js';
import { MessageEntity } from './message.entity.js';
import { ParticipantEntity } from './participant.entity.js';

/** Ids per statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/** What stands for an erased guest's name where others see it (participants, authors). */
export const ERASED_GUEST_NAME = '[removed]';

/**
 * What conversations hold of a person or of an inquiry's requester (a guest by link), for an
 * erasure (src/personal-data), run in its transaction. Their messages become deleted
 * placeholders, as a deletion by the author leaves them: body and every revision removed, the
 * place in the thread kept, so the others' read pointers and numbering stand. Subjects stay: a
 * conversation's subject belongs to all its participants.
 */
@Injectable()
export class PersonalDataOfConversations {
  /**
   * A person, before their row goes: the author link goes with the row (the column becomes null:
   * the message shows no author). Their participations are removed, so no digest is ever mailed
   * to them again; mails already queued to them are dropped by the caller with the rest of their
   * outbox. Returns how many of their messages were emptied.
   */
  async forget(em: EntityManager, personIds: string[], at: Date): Promise<number> {
    if (personIds.length === 0) return 0;
    const emptied = await emptyMessages(em, { authorPersonId: In(personIds) }, at);
    await em.delete(ParticipantEntity, { personId: In(personIds) });
    return emptied;
  }

  /**
   * The requesters of inquiries, as guests of those inquiries' conversations: their name becomes
   * ERASED_GUEST_NAME (the row stays, so the thread keeps one placeholder author for them), their
   * link is revoked and their participation ended, so no link opens it again, none can be
   * re-issued and no digest goes out. Their address was never held here (it is the inquiry's).
   * Returns how many of their messages were emptied.
   */
  async forgetGuests(em: EntityManager, inquiryIds: string[], at: Date): Promise<number> {
    if (inquiryIds.length === 0) return 0;
    const guests = await em
      .createQueryBuilder(ConversationGuestEntity, 'g')
      .innerJoin(ConversationEntity, 'c', 'c.id = g.conversationId')
      .where('c.inquiryId IN (:...inquiryIds)', { inquiryIds })
      .select(['g.id'])
      .getMany();
    const ids = guests.map((g) => g.id);
    if (ids.length === 0) return 0;
    const emptied = await emptyMessages(em, { authorGuestId: In(ids) }, at);
    await em.update(ConversationGuestEntity, { id: In(ids) }, { name: ERASED_GUEST_NAME });
    await em.update(
      ConversationGuestEntity,
      { id: In(ids), revokedAt: IsNull() },
      { revokedAt: at },
    );
    await em.update(
      ParticipantEntity,
      { guestId: In(ids), removedAt: IsNull() },
      { removedAt: at },
    );
    return emptied;
  }
}

/** Empties the messages `where` names to deleted placeholders; returns how many there were. */
async function emptyMessages(
  em: EntityManager,
  where: { authorPersonId: ReturnType<typeof In> } | { authorGuestId: ReturnType<typeof In> },
  at: Date,
): Promise<number> {
  const messages = await em.find(MessageEntity, { select: { id: true }, where });
  const ids = messages.map((m) => m.id);
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await em.delete(MessageRevisionEntity, { messageId: In(chunk) });
    await em.update(MessageEntity, { id: In(chunk), deletedAt: IsNull() }, { deletedAt: at });
    await em.update(MessageEntity, { id: In(chunk) }, { body: null, editedAt: null });
  }
  return ids.length;
}
