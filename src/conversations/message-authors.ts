import type { EntityManager } from 'typeorm';
import { rowsById } from '../common/database/rows-by-id.js';
import { peopleById } from '../people/people-by-id.js';
import { ConversationGuestEntity } from './conversation-guest.entity.js';
import type { MessageEntity } from './message.entity.js';

/** What a participant shows of themselves: a name and an id, never an address. */
export interface Named {
  id: string;
  name: string;
}

/**
 * The authors of messages by message id: a person, or a guest (the guest's id and the name
 * Kenner holds for them). A message whose author is gone has no entry.
 */
export async function authorsOf(
  em: EntityManager,
  messages: readonly MessageEntity[],
): Promise<Map<string, Named>> {
  const [people, guests] = await Promise.all([
    peopleById(
      em,
      messages.map((m) => m.authorPersonId),
    ),
    rowsById(
      em,
      ConversationGuestEntity,
      messages.map((m) => m.authorGuestId),
    ),
  ]);
  const authors = new Map<string, Named>();
  for (const m of messages) {
    const author =
      (m.authorPersonId && people.get(m.authorPersonId)) ||
      (m.authorGuestId && guests.get(m.authorGuestId));
    if (author) authors.set(m.id, { id: author.id, name: author.name });
  }
  return authors;
}
