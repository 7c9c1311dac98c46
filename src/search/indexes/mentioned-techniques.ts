import type { EntityManager } from 'typeorm';
import { loadTermVocabulary, readTerms } from '../understanding/term-vocabulary.js';
import { namesOf } from './projection.js';

/**
 * The techniques a text mentions, recognised as `matchExperts` reads a request (names in any
 * language, acronyms, synonyms, small typos), embedded in a document with all their names: an
 * entry written in English about "X-ray diffraction" is then found by "DRX" and by
 * "Röntgenbeugung", whatever the engine's synonyms and German compound splitting make of the
 * query. FAQ entries and forum questions carry these fields.
 */
export interface MentionedTechniques {
  technologies: { slug: string; names: string[]; acronyms: string[]; synonyms: string[] }[];
  technologySlugs: string[];
  /** German names, tokenized as German (locales.ts). */
  technologyNames_de: string[];
}

/** Searchable attributes of the fields above, in priority order. */
export const MENTIONED_SEARCHABLE = [
  'technologies.acronyms',
  'technologies.names',
  'technologies.synonyms',
  'technologyNames_de',
];

export type TechniqueReader = (texts: (string | null)[]) => MentionedTechniques;

/** Reads the taxonomy once per batch of documents. */
export async function techniqueReader(em: EntityManager): Promise<TechniqueReader> {
  const vocabulary = await loadTermVocabulary(em);
  return (texts) => {
    const found = readTerms(vocabulary, texts.filter(Boolean).join('\n')).technologies;
    const techs = found.flatMap((f) => vocabulary.technologies.get(f.id) ?? []);
    techs.sort((a, b) => a.slug.localeCompare(b.slug));
    return {
      technologies: techs.map((t) => ({
        slug: t.slug,
        names: namesOf(t),
        acronyms: t.acronyms,
        synonyms: t.synonyms,
      })),
      technologySlugs: techs.map((t) => t.slug),
      technologyNames_de: techs.flatMap((t) => (t.nameDe ? [t.nameDe] : [])),
    };
  };
}
