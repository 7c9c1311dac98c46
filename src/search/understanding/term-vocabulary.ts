import type { EntityManager } from 'typeorm';
import { type Recognition, TermRecognizer } from '../../common/text/term-recognizer.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { MaterialEntity } from '../../vocabularies/vocabulary-entry.entity.js';
import { group, namesOf, unique } from '../indexes/projection.js';

/**
 * The words Kenner knows: every technique (names in EN/FR/DE/NL, acronyms, synonyms) and every
 * material (names in EN/FR/DE/NL). One reading for `matchExperts` and `searchExperts`, so both
 * understand "DRX acier" alike.
 */
export interface TermVocabulary {
  technologies: Map<string, TechnologyEntity>;
  materials: Map<string, MaterialEntity>;
  techniqueTerms: TermRecognizer;
  materialTerms: TermRecognizer;
}

/** A known term found in a text, with the words that named it. */
export interface FoundTerm {
  id: string;
  slug: string;
  matchedBy: string[];
}

/** What a text names, and which of its words (indexes into `wordsOf(text)`) did the naming. */
export interface ReadTerms {
  technologies: FoundTerm[];
  materials: FoundTerm[];
  /** The raw recognitions, with their word spans. */
  techniqueHits: Recognition[];
  materialHits: Recognition[];
}

export async function loadTermVocabulary(em: EntityManager): Promise<TermVocabulary> {
  const [techs, materials] = await Promise.all([
    em.find(TechnologyEntity),
    em.find(MaterialEntity),
  ]);
  return {
    technologies: new Map(techs.map((t) => [t.id, t])),
    materials: new Map(materials.map((m) => [m.id, m])),
    techniqueTerms: new TermRecognizer(
      techs.map((t) => ({ key: t.id, phrases: [...namesOf(t), ...t.acronyms, ...t.synonyms] })),
    ),
    materialTerms: new TermRecognizer(materials.map((m) => ({ key: m.id, phrases: namesOf(m) }))),
  };
}

export function readTerms(vocabulary: TermVocabulary, text: string): ReadTerms {
  const techniqueHits = vocabulary.techniqueTerms.recognize(text);
  const materialHits = vocabulary.materialTerms.recognize(text);
  const slugOf = (id: string) =>
    vocabulary.technologies.get(id)?.slug ?? vocabulary.materials.get(id)?.slug ?? id;
  return {
    technologies: grouped(techniqueHits, slugOf),
    materials: grouped(materialHits, slugOf),
    techniqueHits,
    materialHits,
  };
}

function grouped(hits: Recognition[], slugOf: (id: string) => string): FoundTerm[] {
  return [
    ...group(
      hits,
      (h) => h.key,
      (h) => h.matched,
    ),
  ].map(([id, matched]) => ({ id, slug: slugOf(id), matchedBy: unique(matched) }));
}
