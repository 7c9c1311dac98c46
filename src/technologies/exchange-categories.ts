import type { EntityManager } from 'typeorm';
import { badInput } from '../common/errors/domain-error.js';
import { fromGlobalId, toGlobalId } from '../common/graphql/global-id.js';
import { TechnologyEntity } from './technology.entity.js';

/**
 * The categories of the exchange (forum questions, FAQ entries): the technique taxonomy's top
 * categories plus GENERAL for what belongs to none. The roots are data (staff may add one), so
 * this is no enum: the API names a category by its root technique's id, or `GENERAL`; the
 * database stores the root's id, or null for GENERAL.
 */
export const GENERAL_CATEGORY = 'GENERAL';

/** The stored form of a category the API names: the root technique's id, or null for GENERAL. */
export async function categoryIdOf(
  em: EntityManager,
  categoryId: string,
  field = 'categoryId',
): Promise<string | null> {
  if (categoryId === GENERAL_CATEGORY) return null;
  const id = fromGlobalId(categoryId, 'Technology', field);
  const root = await em.findOne(TechnologyEntity, {
    select: { id: true, parentId: true },
    where: { id },
  });
  if (!root) throw badInput(field, 'no Technology with this id');
  if (root.parentId !== null) {
    throw badInput(field, `must be a top category (a root technique) or ${GENERAL_CATEGORY}`);
  }
  return root.id;
}

/** The API's name of a stored category. */
export const categoryIdFor = (stored: string | null): string =>
  stored === null ? GENERAL_CATEGORY : toGlobalId('Technology', stored);
