import { type EntityManager, In } from 'typeorm';
import { PersonEntity } from '../people/person.entity.js';
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
    byId(
      em,
      PersonEntity,
      messages.map((m) => m.authorPersonId),
    ),
    byId(
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

async function byId<T extends { id: string; name: string }>(
  em: EntityManager,
  entity: new () => T,
  ids: readonly (string | null)[],
): Promise<Map<string, T>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await em.getRepository(entity).findBy({ id: In(wanted) } as never);
  return new Map(rows.map((row) => [row.id, row]));
}
