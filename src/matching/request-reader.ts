import type { EntityManager } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { MaterialEntity } from '../vocabularies/vocabulary-entry.entity.js';
import { group, namesOf, unique } from '../search/indexes/projection.js';
import { fold, type Recognition, TermRecognizer } from './term-recognizer.js';

/** What a free-text request asks for, with the words that said so. */
export interface ReadRequest {
  technologies: { id: string; slug: string; matchedBy: string[] }[];
  materials: { id: string; slug: string; matchedBy: string[] }[];
  /** A place named in the text ("près d'Esch-sur-Alzette"), located by the organisations there. */
  place: { name: string; lat: number; lng: number } | null;
  /** ISO 639-1 code of the request's language, when it is clear. */
  language: string | null;
  /** The rows read to recognise them, by id: callers need not read them again. */
  technologyRows: Map<string, TechnologyEntity>;
  materialRows: Map<string, MaterialEntity>;
}

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'we', 'and', 'need', 'of', 'on', 'for', 'with', 'near', 'a', 'an', 'our', 'looking'],
  fr: [
    'nous',
    'une',
    'un',
    'le',
    'la',
    'les',
    'et',
    'de',
    'des',
    'pour',
    'sur',
    'pres',
    'cherchons',
    'en',
  ],
  de: [
    'wir',
    'und',
    'eine',
    'einer',
    'der',
    'die',
    'das',
    'fur',
    'mit',
    'bei',
    'suchen',
    'von',
    'in',
  ],
  nl: ['wij', 'we', 'een', 'het', 'de', 'en', 'voor', 'met', 'bij', 'zoeken', 'van', 'op'],
};

/**
 * Reads a request with the taxonomy, the materials and the organisations' towns as vocabulary.
 * Built per request from a few hundred short rows: a cache would miss a technique added a minute
 * ago.
 */
export async function readRequest(em: EntityManager, text: string): Promise<ReadRequest> {
  const [techs, materials, orgs] = await Promise.all([
    em.find(TechnologyEntity),
    em.find(MaterialEntity),
    em.find(OrganisationEntity, { select: { city: true, latitude: true, longitude: true } }),
  ]);
  const techHits = new TermRecognizer(
    techs.map((t) => ({ key: t.id, phrases: [...namesOf(t), ...t.acronyms, ...t.synonyms] })),
  ).recognize(text);
  const materialHits = new TermRecognizer(
    materials.map((m) => ({ key: m.id, phrases: namesOf(m) })),
  ).recognize(text);
  const towns = group(
    orgs.filter((o) => o.city && o.latitude !== null && o.longitude !== null),
    (o) => o.city as string,
    (o) => ({ lat: o.latitude as number, lng: o.longitude as number }),
  );
  const [town] = new TermRecognizer(
    [...towns.keys()].map((city) => ({ key: city, phrases: [city] })),
  ).recognize(text);
  const spots = town ? (towns.get(town.key) ?? []) : [];
  const bySlug = new Map([...techs, ...materials].map((e) => [e.id, e.slug]));
  return {
    technologyRows: new Map(techs.map((t) => [t.id, t])),
    materialRows: new Map(materials.map((m) => [m.id, m])),
    technologies: grouped(techHits, bySlug),
    materials: grouped(materialHits, bySlug),
    place:
      town && spots.length
        ? {
            name: town.key,
            lat: spots.reduce((s, p) => s + p.lat, 0) / spots.length,
            lng: spots.reduce((s, p) => s + p.lng, 0) / spots.length,
          }
        : null,
    language: languageOf(text),
  };
}

function grouped(hits: Recognition[], slugOf: Map<string, string>) {
  return [
    ...group(
      hits,
      (h) => h.key,
      (h) => h.matched,
    ),
  ].map(([id, matched]) => ({ id, slug: slugOf.get(id) ?? id, matchedBy: unique(matched) }));
}

/** The language whose common words the text uses most, if clearly ahead. */
export function languageOf(text: string): string | null {
  const words = fold(text).split(/[^a-z]+/);
  const scores = Object.entries(STOPWORDS)
    .map(([lang, list]) => [lang, words.filter((w) => list.includes(w)).length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [first, second] = scores;
  return first && first[1] >= 2 && first[1] > (second?.[1] ?? 0) ? first[0] : null;
}
