import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { isStopword, OR_WORDS } from '../../common/text/stopwords.js';
import { fold, type Recognition, wordsOf } from '../../common/text/term-recognizer.js';
import type { TechnologyEntity } from '../../technologies/technology.entity.js';
import type { MaterialEntity } from '../../vocabularies/vocabulary-entry.entity.js';
import { group } from '../indexes/projection.js';
import { loadTermVocabulary, readTerms, type TermVocabulary } from './term-vocabulary.js';

/** How the techniques (and materials) of one query combine: all of them, or any one. */
export enum TermCombination {
  ALL = 'ALL',
  ANY = 'ANY',
}

/**
 * One thing the query asks for: a technique named by some words, satisfied by an expert who holds
 * any of `slugs` (the technique and the narrower ones beneath it; an acronym shared by two
 * techniques, such as AES, asks for either).
 */
export interface Requirement {
  slugs: string[];
  /** The techniques named, whose skill ranks order the result. */
  named: string[];
}

/** What a search query names, and what is left to search as text. */
export interface UnderstoodQuery {
  technologies: { technology: TechnologyEntity; matchedBy: string[] }[];
  materials: { material: MaterialEntity; matchedBy: string[] }[];
  combination: TermCombination;
  techniqueRequirements: Requirement[];
  materialRequirements: Requirement[];
  /** The words that named nothing, common words left out: searched as text ('' for none). */
  text: string;
  /** True when a term was recognised only by forgiving a typo ("Ramon" for Raman). */
  forgiving: boolean;
}

/**
 * A longer query is a request written out, which `matchExperts` reads; search takes it as words,
 * as before. Reading costs about 0.5 ms for "DRX acier" but tens of ms for 500 characters.
 */
const MAX_QUERY_WORDS = 20;

/** Techniques and materials change rarely; a new one is understood at most this long after. */
const VOCABULARY_TTL_MS = 5_000;

/**
 * Readings kept per vocabulary load: partner sites send the same few queries again and again, and
 * reading one costs more CPU than the rest of the request's own work. Dropped with the load.
 */
const MAX_REMEMBERED_READINGS = 1_000;

interface Loaded {
  vocabulary: TermVocabulary;
  subtree: Map<string, string[]>;
  at: number;
  /** Query → its reading, valid for this vocabulary; shared, so never mutated by callers. */
  readings: Map<string, UnderstoodQuery | null>;
}

/**
 * Reads a search query with the same recogniser as `matchExperts`: "DRX acier", "XRD steel" and
 * "Röntgenbeugung Stahl" all name X-ray diffraction and steel. Search narrows to what is named
 * (filters, not words), so a word a technique shares with others ("x-ray") cannot widen the set.
 */
@Injectable()
export class QueryUnderstanding {
  private loaded: Promise<Loaded> | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Null when the query names no technique and no material: it is then searched as today. */
  async understand(query: string | null | undefined): Promise<UnderstoodQuery | null> {
    if (!query) return null;
    const loaded = await this.vocabulary();
    const remembered = loaded.readings.get(query);
    if (remembered !== undefined) return remembered;
    const reading = read(query, loaded);
    if (loaded.readings.size >= MAX_REMEMBERED_READINGS) loaded.readings.clear();
    loaded.readings.set(query, reading);
    return reading;
  }

  private vocabulary(): Promise<Loaded> {
    const current = this.loaded;
    if (current) {
      // A failed or expired load is dropped, so the next query reads the tables again.
      return current.then((l) => (Date.now() - l.at < VOCABULARY_TTL_MS ? l : this.reload()));
    }
    return this.reload();
  }

  private reload(): Promise<Loaded> {
    const loading = loadTermVocabulary(this.db.manager).then((vocabulary) => ({
      vocabulary,
      subtree: subtrees([...vocabulary.technologies.values()]),
      at: Date.now(),
      readings: new Map(),
    }));
    this.loaded = loading;
    loading.catch(() => {
      if (this.loaded === loading) this.loaded = null;
    });
    return loading;
  }
}

/** What `query` names, read with one vocabulary load; null when it names nothing. */
function read(query: string, { vocabulary, subtree }: Loaded): UnderstoodQuery | null {
  const words = wordsOf(query);
  if (words.length === 0 || words.length > MAX_QUERY_WORDS) return null;
  const terms = readTerms(vocabulary, query);
  if (terms.technologies.length === 0 && terms.materials.length === 0) return null;
  const covered = new Set(
    [...terms.techniqueHits, ...terms.materialHits].flatMap((h) =>
      Array.from({ length: h.to - h.from }, (_, k) => h.from + k),
    ),
  );
  const free = words.filter((_, i) => !covered.has(i));
  const slugOf = (id: string) => vocabulary.technologies.get(id)?.slug ?? id;
  return {
    technologies: terms.technologies.flatMap((t) => {
      const technology = vocabulary.technologies.get(t.id);
      return technology ? [{ technology, matchedBy: t.matchedBy }] : [];
    }),
    materials: terms.materials.flatMap((m) => {
      const material = vocabulary.materials.get(m.id);
      return material ? [{ material, matchedBy: m.matchedBy }] : [];
    }),
    combination: free.some((w) => OR_WORDS.includes(w.norm))
      ? TermCombination.ANY
      : TermCombination.ALL,
    techniqueRequirements: requirements(terms.techniqueHits, (id) => ({
      slugs: subtree.get(id) ?? [slugOf(id)],
      named: [slugOf(id)],
    })),
    materialRequirements: requirements(terms.materialHits, (id) => {
      const slug = vocabulary.materials.get(id)?.slug ?? id;
      return { slugs: [slug], named: [slug] };
    }),
    text: free
      .filter((w) => !isStopword(w.raw))
      .map((w) => w.raw)
      .join(' '),
    forgiving: [...terms.techniqueHits, ...terms.materialHits].some((h) => !h.exact),
  };
}

/** One requirement per span of words; the keys of one span (an ambiguous acronym) are alternatives. */
function requirements(hits: Recognition[], of: (id: string) => Requirement): Requirement[] {
  return [
    ...group(
      hits,
      (h) => `${h.from}:${h.to}`,
      (h) => of(h.key),
    ).values(),
  ].map((alternatives) => ({
    slugs: [...new Set(alternatives.flatMap((a) => a.slugs))],
    named: [...new Set(alternatives.flatMap((a) => a.named))],
  }));
}

/** Per technique id, its slug and the slugs of every technique beneath it. */
function subtrees(techs: TechnologyEntity[]): Map<string, string[]> {
  const children = group(
    techs.filter((t) => t.parentId),
    (t) => t.parentId as string,
    (t) => t,
  );
  const out = new Map<string, string[]>();
  for (const root of techs) {
    const seen = new Set<TechnologyEntity>([root]);
    const queue = [root];
    for (let t = queue.shift(); t; t = queue.shift()) {
      for (const child of children.get(t.id) ?? []) {
        if (seen.has(child)) continue; // a loop written by hand must not hang the search
        seen.add(child);
        queue.push(child);
      }
    }
    out.set(
      root.id,
      [...seen].map((t) => t.slug),
    );
  }
  return out;
}

/**
 * True when the query reads better as the name of the person called `name`: every word of the
 * query is a word of the name, and either it has two words or more ("Sem de Vries" names a person
 * though "sem" is also an acronym) or a term was only recognised through a typo ("Ramon" is not
 * Raman). One word that exactly names a technique ("SEM", "Raman") stays the technique: the
 * person is found by the full name.
 */
export function namesPerson(query: string, name: string, understood: UnderstoodQuery): boolean {
  const own = new Set(wordsOf(name).map((w) => fold(w.raw)));
  return mayNamePerson(query, understood) && wordsOf(query).every((w) => own.has(w.norm));
}

/** Whether a query could be read as a name at all (else no one need be looked for). */
export function mayNamePerson(query: string, understood: UnderstoodQuery): boolean {
  const asked = wordsOf(query).length;
  return asked >= 2 || (asked === 1 && understood.forgiving);
}
