import { type EntityManager, In } from 'typeorm';
import { PersonEntity } from './person.entity.js';

/** The people named by `ids` (nulls and repeats skipped), by id: one query for a page of posts. */
export async function peopleById(
  em: EntityManager,
  ids: readonly (string | null)[],
): Promise<Map<string, PersonEntity>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const people = await em.findBy(PersonEntity, { id: In(wanted) });
  return new Map(people.map((p) => [p.id, p]));
}
