import { type EntityManager, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import { badInput } from '../errors/domain-error.js';
import { fromGlobalId, type NodeType } from '../graphql/global-id.js';

/**
 * Checks that an input's reference points at an existing row, so a bad id is the client's
 * BAD_USER_INPUT naming the field, never a foreign-key error from the database.
 */
export async function requireRef<E extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<E>,
  type: NodeType,
  globalId: string,
  field: string,
): Promise<E> {
  const id = fromGlobalId(globalId, type, field);
  const row = await em.getRepository(target).findOneBy({ id } as never);
  if (!row) throw badInput(field, `no ${type} with this id`);
  return row;
}

/** The same for a list of references, in one query; duplicates are collapsed. */
export async function requireRefs<E extends ObjectLiteral & { id: string }>(
  em: EntityManager,
  target: EntityTarget<E>,
  type: NodeType,
  globalIds: readonly string[],
  field: string | ((index: number) => string),
): Promise<E[]> {
  const fieldAt = (i: number) => (typeof field === 'function' ? field(i) : `${field}[${i}]`);
  const ids = globalIds.map((globalId, i) => fromGlobalId(globalId, type, fieldAt(i)));
  const rows = await em.getRepository(target).findBy({ id: In([...new Set(ids)]) } as never);
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw badInput(fieldAt(missing), `no ${type} with this id`);
  return rows;
}
