import type { EntityManager } from 'typeorm';
import { TechnologyEntity } from '../../technologies/technology.entity.js';

/** Terms longer than this are descriptions, not names: they would only add noise. */
const MAX_TERM_WORDS = 6;

/**
 * Meilisearch synonyms generated from the taxonomy: every name of a technique in every language,
 * its acronyms and synonyms, point at each other — so "DRX", "XRD", "X-ray diffraction",
 * "diffraction des rayons X" and "Röntgenbeugung" find the same documents even where a document
 * spells only one of them. An acronym shared by two techniques (AES) points at both.
 */
export async function taxonomySynonyms(em: EntityManager): Promise<Record<string, string[]>> {
  const technologies = await em.find(TechnologyEntity);
  const synonyms = new Map<string, Set<string>>();
  for (const t of technologies) {
    const terms = [t.name, t.nameFr, t.nameDe, t.nameNl, ...t.acronyms, ...t.synonyms]
      .filter((term): term is string => Boolean(term))
      .map((term) => term.trim().toLowerCase())
      .filter((term) => term.length > 1 && term.split(/\s+/).length <= MAX_TERM_WORDS);
    const unique = [...new Set(terms)];
    for (const term of unique) {
      const others = synonyms.get(term) ?? new Set<string>();
      for (const other of unique) if (other !== term) others.add(other);
      synonyms.set(term, others);
    }
  }
  return Object.fromEntries(
    [...synonyms]
      .filter(([, others]) => others.size > 0)
      .map(([term, others]) => [term, [...others].sort()]),
  );
}
