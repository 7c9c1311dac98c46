import type { EntityManager } from 'typeorm';
import { Visibility } from '../../experts/expert.entity.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { ancestorsOf, parentIn } from '../../technologies/taxonomy.js';
import { namesOf, placeholders } from './projection.js';

/** What the technologies index holds for one technique, with its place in the taxonomy. */
export interface TechnologyDocument {
  id: string;
  slug: string;
  name: string;
  nameSort: string;
  names: string[];
  /** The German name alone, tokenized as German (see locales.ts). */
  name_de: string | null;
  acronyms: string[];
  synonyms: string[];
  description: string;
  /** Slug of the root category (its own for a root). */
  category: string;
  /** Slug of the broader technique, or null for a root. */
  parent: string | null;
  /** Names, in every language, of the techniques above, root first. */
  path: string[];
  depth: number;
  /** Public experts who master exactly this technique. */
  expertCount: number;
}

/** Committed state → documents; the whole tree is read once per batch for paths. */
export async function loadTechnologyDocuments(
  em: EntityManager,
  ids: string[],
): Promise<Map<string, TechnologyDocument>> {
  const out = new Map<string, TechnologyDocument>();
  if (ids.length === 0) return out;
  const wanted = new Set(ids);
  const all = await em.find(TechnologyEntity);
  const techs = all.filter((t) => wanted.has(t.id));
  if (techs.length === 0) return out;
  const techIds = techs.map((t) => t.id);
  const visibility = em.dataSource.options.type === 'postgres' ? `$${techIds.length + 1}` : '?';
  const counts = await em.query<{ technologyId: string; n: number | string }[]>(
    `SELECT s."technologyId" AS "technologyId", COUNT(*) AS n
       FROM expert_skills s JOIN experts e ON e.id = s."expertId"
      WHERE s."technologyId" IN (${placeholders(em, techIds.length)}) AND e.visibility = ${visibility}
      GROUP BY s."technologyId"`,
    [...techIds, Visibility.PUBLIC],
  );
  const expertCount = new Map(counts.map((c) => [c.technologyId, Number(c.n)]));
  const byId = new Map(all.map((t) => [t.id, t]));
  const parentOf = parentIn(byId);
  for (const tech of techs) {
    const ancestors = ancestorsOf(tech, parentOf).reverse();
    out.set(tech.id, {
      id: tech.id,
      slug: tech.slug,
      name: tech.name,
      nameSort: tech.name.toLocaleLowerCase('en'),
      names: namesOf(tech),
      name_de: tech.nameDe,
      acronyms: tech.acronyms,
      synonyms: tech.synonyms,
      description: tech.description,
      category: byId.get(tech.categoryId ?? tech.id)?.slug ?? tech.slug,
      parent: tech.parentId ? (byId.get(tech.parentId)?.slug ?? null) : null,
      path: ancestors.flatMap(namesOf),
      depth: ancestors.length,
      expertCount: expertCount.get(tech.id) ?? 0,
    });
  }
  return out;
}
