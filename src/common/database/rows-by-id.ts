import { type EntityManager, type EntityTarget, type FindOptionsWhere, In } from 'typeorm';

/**
 * The rows of `entity` named by `ids` (nulls and repeats skipped), by id: one query for a page of
 * posts or messages and their authors, however many there are.
 */
export async function rowsById<T extends { id: string }>(
  em: EntityManager,
  entity: EntityTarget<T>,
  ids: readonly (string | null)[],
): Promise<Map<string, T>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await em.findBy(entity, { id: In(wanted) } as FindOptionsWhere<T>);
  return new Map(rows.map((row) => [row.id, row]));
}
