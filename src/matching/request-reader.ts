import type { EntityManager } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { languageOf } from '../common/text/stopwords.js';
import { TermRecognizer } from '../common/text/term-recognizer.js';
import type { TechnologyEntity } from '../technologies/technology.entity.js';
import type { MaterialEntity } from '../vocabularies/vocabulary-entry.entity.js';
import { group } from '../search/indexes/projection.js';
import { loadTermVocabulary, readTerms } from '../search/understanding/term-vocabulary.js';

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

/**
 * Reads a request with the taxonomy, the materials and the organisations' towns as vocabulary.
 * Built per request from a few hundred short rows: a cache would miss a technique added a minute
 * ago.
 */
export async function readRequest(em: EntityManager, text: string): Promise<ReadRequest> {
  const [vocabulary, orgs] = await Promise.all([
    loadTermVocabulary(em),
    em.find(OrganisationEntity, { select: { city: true, latitude: true, longitude: true } }),
  ]);
  const terms = readTerms(vocabulary, text);
  const towns = group(
    orgs.filter((o) => o.city && o.latitude !== null && o.longitude !== null),
    (o) => o.city as string,
    (o) => ({ lat: o.latitude as number, lng: o.longitude as number }),
  );
  const [town] = new TermRecognizer(
    [...towns.keys()].map((city) => ({ key: city, phrases: [city] })),
  ).recognize(text);
  const spots = town ? (towns.get(town.key) ?? []) : [];
  return {
    technologyRows: vocabulary.technologies,
    materialRows: vocabulary.materials,
    technologies: terms.technologies,
    materials: terms.materials,
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
