import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { badInput } from '../common/errors/domain-error.js';
import { TechnologyEntity } from './technology.entity.js';

/**
 * The categories of the exchange (forum questions, FAQ entries): the technique taxonomy's top
 * categories, named by their slugs, plus `general` for what belongs to none. The roots are data
 * (staff may add one), so this is no enum: a category is stored as the root technique's id, and
 * null for `general`.
 */
export const GENERAL_CATEGORY = 'general';

/** The stored form of a category: the root technique's id, or null for `general`. */
export async function categoryIdOf(
  em: EntityManager,
  slug: string,
  field = 'category',
): Promise<string | null> {
  if (slug === GENERAL_CATEGORY) return null;
  const root = await em.findOne(TechnologyEntity, {
    select: { id: true },
    where: { slug, parentId: IsNull() },
  });
  if (!root) {
    throw badInput(field, `must be "${GENERAL_CATEGORY}" or the slug of a top technique category`);
  }
  return root.id;
}

/** Slugs of stored categories (root technique ids); null and unknown ids read as `general`. */
export async function categorySlugs(
  em: EntityManager,
  ids: readonly (string | null)[],
): Promise<(id: string | null) => string> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const roots = wanted.length
    ? await em.find(TechnologyEntity, {
        select: { id: true, slug: true },
        where: { parentId: IsNull() },
      })
    : [];
  const slugOf = new Map(roots.map((r) => [r.id, r.slug]));
  return (id) => (id && slugOf.get(id)) || GENERAL_CATEGORY;
}
