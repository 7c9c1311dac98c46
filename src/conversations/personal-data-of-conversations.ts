import { Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull } from 'typeorm';
import { MessageRevisionEntity } from './message-revision.entity.js';
import { MessageEntity } from './message.entity.js';
import { ParticipantEntity } from './participant.entity.js';

/** Ids per statement: well under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

/**
 * What conversations hold of a person, for an erasure (src/personal-data), run in its transaction
 * before the person's row goes. Their messages become deleted placeholders, as a deletion by the
 * author leaves them: body and every revision removed, the place in the thread kept, so the
 * others' read pointers and numbering stand. The author link goes with the person row (the column
 * becomes null: the message shows no author). Their participations are removed, so no digest
 * is ever mailed to them again; mails already queued to them are dropped by the caller with the
 * rest of their outbox. Subjects stay: a conversation's subject belongs to all its participants.
 */
@Injectable()
export class PersonalDataOfConversations {
  /** Returns how many of their messages were emptied. */
  async forget(em: EntityManager, personIds: string[], at: Date): Promise<number> {
    if (personIds.length === 0) return 0;
    const messages = await em.find(MessageEntity, {
      select: { id: true },
      where: { authorPersonId: In(personIds) },
    });
    const ids = messages.map((m) => m.id);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      await em.delete(MessageRevisionEntity, { messageId: In(chunk) });
      await em.update(MessageEntity, { id: In(chunk), deletedAt: IsNull() }, { deletedAt: at });
      await em.update(MessageEntity, { id: In(chunk) }, { body: null, editedAt: null });
    }
    await em.delete(ParticipantEntity, { personId: In(personIds) });
    return ids.length;
  }
}
