import { Injectable } from '@nestjs/common';
import { LANGUAGES } from '../../common/i18n/language.js';
import { FACET_ATTRIBUTE, FACET_LABELS } from '../experts/expert-facets.js';
import { FacetLabels, type LabelOf, type LabelSource } from '../faceting/facet-labels.service.js';
import { isObject, refuse } from './proxy-refusal.js';

/** An engine answer, relayed to the browser as it is. */
export interface EngineAnswer {
  status: number;
  type: string;
  text: string;
}

export interface FacetQuery {
  facetName: string;
  facetQuery: string;
  /** What narrows the documents counted, sent to the engine as a search. */
  search: Record<string, unknown>;
}

/** The fields of the engine's facet-search body that narrow the documents counted. */
const SEARCH_FIELDS = new Set([
  'q',
  'filter',
  'matchingStrategy',
  'attributesToSearchOn',
  'locales',
  'rankingScoreThreshold',
]);
/** The engine's own limit on facet hits. */
const MAX_FACET_HITS = 100;
const MAX_FACET_QUERY = 200;

/** Facet attributes of every index whose values have names (slugs, codes, ids, enum values). */
const LABELLED: Readonly<Record<string, LabelSource>> = {
  ...Object.fromEntries(
    Object.entries(FACET_ATTRIBUTE).map(([facet, attribute]) => [
      attribute,
      FACET_LABELS[facet as keyof typeof FACET_LABELS],
    ]),
  ),
  type: 'organisationType',
  country: 'country',
  category: 'technology',
  parent: 'technology',
};

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/**
 * The engine's `POST /indexes/{uid}/facet-search`, which instant-meilisearch calls for a searchable
 * refinement list, answered from an ordinary search: Kenner's indexes keep facet search off (see
 * common-settings.ts). The search runs with the browser's token, so the counts cover only what the
 * token may see. `facetQuery` matches, by word prefix with accents and case ignored, the value
 * itself and its names in every language: "rayons" finds `x-ray-diffraction`. Values come back as
 * they are in the index; pages label them (docs/search-indexes.md).
 */
@Injectable()
export class FacetSearch {
  constructor(private readonly labels: FacetLabels) {}

  parse(body: unknown): FacetQuery {
    const fields = isObject(body) ? body : {};
    const { facetName, facetQuery } = fields;
    if (typeof facetName !== 'string' || facetName.length === 0 || facetName.length > 200) {
      refuse(400, 'invalid_facet_search_facet_name', '`facetName` must be an attribute name.');
    }
    if (
      facetQuery != null &&
      (typeof facetQuery !== 'string' || facetQuery.length > MAX_FACET_QUERY)
    ) {
      refuse(
        400,
        'invalid_facet_search_facet_query',
        `\`facetQuery\` must be a string of at most ${MAX_FACET_QUERY} characters, or null.`,
      );
    }
    const search: Record<string, unknown> = {};
    // instant-meilisearch also sends the hits' parameters (facets, highlighting, paging): they do
    // not change which documents are counted, and are left out.
    for (const [field, value] of Object.entries(fields)) {
      if (SEARCH_FIELDS.has(field)) search[field] = value;
    }
    return {
      facetName: facetName as string,
      facetQuery: (facetQuery as string | null) ?? '',
      search,
    };
  }

  async answer(
    index: string,
    query: FacetQuery,
    search: (path: string, body: unknown) => Promise<EngineAnswer>,
  ): Promise<EngineAnswer> {
    const started = Date.now();
    const counted = await search(`indexes/${index}/search`, {
      ...query.search,
      facets: [query.facetName],
      limit: 0,
    });
    if (counted.status !== 200) return counted;
    const result = JSON.parse(counted.text) as {
      facetDistribution?: Record<string, Record<string, number>>;
    };
    const counts = Object.entries(result.facetDistribution?.[query.facetName] ?? {});
    const wanted = fold(query.facetQuery);
    const names = wanted.length > 0 ? await this.namer(query.facetName) : undefined;
    const facetHits = counts
      .filter(([value]) => {
        if (!names) return true;
        const words = [value, ...names(value)].flatMap(fold);
        return wanted.every((w) => words.some((word) => word.startsWith(w)));
      })
      .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
      .slice(0, MAX_FACET_HITS)
      .map(([value, count]) => ({ value, count }));
    return {
      status: 200,
      type: 'application/json',
      text: JSON.stringify({
        facetHits,
        facetQuery: query.facetQuery || null,
        processingTimeMs: Date.now() - started,
      }),
    };
  }

  /** A value's names in every language, when its attribute has named values. */
  private async namer(attribute: string): Promise<(value: string) => string[]> {
    const source = LABELLED[attribute];
    if (!source) return () => [];
    const labelOf: LabelOf = await this.labels.labeller(source);
    return (value) => LANGUAGES.map((language) => labelOf(value, language));
  }
}
