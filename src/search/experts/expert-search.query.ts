import type { Caller } from '../../auth/caller.js';
import { fromGlobalId } from '../../common/graphql/global-id.js';
import { monthsBefore } from '../../common/time/clock.js';
import { MeilisearchApiError, type MultiSearchQuery, type SearchResponse } from 'meilisearch';
import type { FacetedSearch } from '../faceting/faceted-query.js';
import { anyOf } from '../faceting/filter-syntax.js';
import {
  mayNamePerson,
  namesPerson,
  type Requirement,
  TermCombination,
  type UnderstoodQuery,
} from '../understanding/query-understanding.service.js';
import type { ExpertSearchInput } from './dto/expert-search.input.js';
import { ExpertFacet, ExpertSort, FACET_ATTRIBUTE } from './expert-facets.js';
import { visibleInSearch } from './expert-visibility.filter.js';
import { type NearbyOrganisations, ofOrganisations } from './nearby-organisations.js';

const HIGHLIGHTED = ['name', 'jobTitle', 'bio'];

/**
 * What a hit is read for: its id (the expert itself is read from the database), its organisation
 * (whose position gives the distance) and its technique slugs (which ones the query matched,
 * beside `_formatted`). A whole document carries every technique's names in four languages:
 * retrieving only this cuts the engine's answer to about a third.
 */
export const EXPERT_HIT_ATTRIBUTES = ['id', 'organisation.id', 'technologies.slug'];

/**
 * What the hits are read for. Highlighting `technologies` (its highlighted entries tell which
 * techniques the query matched) more than doubles the engine's time for a search and triples its
 * answer (every technique's names in four languages, each marked up): only when asked for.
 * Highlighting and cropping the name, job title and bio for `highlights` is half of what is left
 * of the engine's time for a search (docs/benchmarks.md): only when asked for too.
 */
export interface ExpertHitNeeds {
  matchedTechnologies: boolean;
  highlights: boolean;
}

export const ALL_HIT_NEEDS: ExpertHitNeeds = { matchedTechnologies: true, highlights: true };

/** Organisation facet values are public global ids; the index holds storage ids. */
const toIndexValue = (facet: ExpertFacet, value: string): string =>
  facet === ExpertFacet.ORGANISATION ? safeOrganisationId(value) : value;

function safeOrganisationId(value: string): string {
  try {
    return fromGlobalId(value, 'Organisation');
  } catch {
    return value; // an unknown id simply matches nothing
  }
}

/**
 * One expert search as a faceted query, for `caller`: what the caller may see (see
 * experts/expert-visibility.ts) is a fixed filter, so no facet filter of the request can lift it.
 * `near` is a fixed filter on the organisations within it, read beforehand (`nearby`, see
 * nearby-organisations.ts); a DISTANCE sort is not the engine's, it is cut from them
 * (distance-page.ts).
 */
export function expertSearch(
  indexUid: string,
  input: ExpertSearchInput,
  caller: Caller,
  understood: UnderstoodQuery | null = null,
  nearby: NearbyOrganisations | null = null,
  needs: ExpertHitNeeds = ALL_HIT_NEEDS,
  now = new Date(),
): FacetedSearch<ExpertFacet> {
  if (input.near && !nearby) throw new Error('a search near a place needs its organisations');
  return {
    indexUid,
    query: understood ? understood.text : (input.query ?? ''),
    filters: input.filters ?? [],
    facets: input.facets ?? [],
    attributeOf: FACET_ATTRIBUTE,
    toIndexValue,
    fixed: [
      ...visibleInSearch(caller),
      ...(input.near && nearby ? [ofOrganisations(nearby.positions.keys())] : []),
      ...(input.verifiedWithinMonths ? [verifiedSince(input.verifiedWithinMonths, now)] : []),
      ...narrowing(understood),
    ],
    page: input.page,
    hitsPerPage: input.hitsPerPage,
    sort: sortOf(input, understood),
    highlight: [
      ...(needs.highlights ? HIGHLIGHTED : []),
      ...(needs.matchedTechnologies ? ['technologies'] : []),
    ],
    retrieve: EXPERT_HIT_ATTRIBUTES,
    crop: needs.highlights ? ['bio'] : [],
  };
}

/**
 * Confirmed on or after the day `months` months before `now`; never-confirmed profiles
 * (`lastVerifiedAt` null) fail the comparison and drop out. The index holds the day as epoch
 * seconds (expert.document.ts).
 */
function verifiedSince(months: number, now: Date): string {
  return `lastVerifiedAt >= ${Date.parse(`${monthsBefore(now, months)}T00:00:00Z`) / 1000}`;
}

/**
 * What the query names, as fixed filter clauses: they hold for the hits, the totals and every
 * facet count alike, so the counts a partner site shows describe the narrowed set. ALL: one
 * clause per technique (and per material); ANY: one clause per kind.
 */
export function narrowing(understood: UnderstoodQuery | null): string[] {
  if (!understood) return [];
  const clauses = (attribute: string, requirements: Requirement[]) => {
    if (requirements.length === 0) return [];
    return understood.combination === TermCombination.ANY
      ? [anyOf(attribute, [...new Set(requirements.flatMap((r) => r.slugs))])]
      : requirements.map((r) => anyOf(attribute, r.slugs));
  };
  return [
    ...clauses('technologySlugs', understood.techniqueRequirements),
    ...clauses('materials', understood.materialRequirements),
  ];
}

/** A slug as it may appear in a sort expression (slugs are validated so; this is a guard). */
const SORTABLE_SLUG = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The graded order within named techniques: the level and years of the named technique (or the
 * best skill beneath it), then the most recently verified profile. In the ranking rules `sort`
 * comes after `words`, `typo`, `proximity` and `attribute`: the words left to search still lead.
 */
export function gradedSort(understood: UnderstoodQuery): string[] {
  const named = [...new Set(understood.techniqueRequirements.flatMap((r) => r.named))];
  return [
    ...named.filter((s) => SORTABLE_SLUG.test(s)).map((s) => `skillRank.${s}:desc`),
    'lastVerifiedAt:desc',
  ];
}

export type PersonProbe = MultiSearchQuery & { q: string; attributesToRetrieve: ['id', 'name'] };

/**
 * The engine query that looks, beside a narrowed search, for visible experts whose name has every
 * word of the query: when one does ("Sem de Vries" names a person as well as SEM), the query is
 * searched as a name. Null when the query cannot name a person, so nothing need be looked up.
 */
export function personProbe(
  indexUid: string,
  query: string,
  caller: Caller,
  understood: UnderstoodQuery | null,
): PersonProbe | null {
  if (!understood || !mayNamePerson(query, understood)) return null;
  return {
    indexUid,
    q: query,
    filter: visibleInSearch(caller),
    attributesToSearchOn: ['name'],
    matchingStrategy: 'all',
    limit: 5,
    attributesToRetrieve: ['id', 'name'],
  };
}

/**
 * Runs a search with the person probe beside it, in the same request, and says whether the probe
 * found a visible expert the query names (see `personProbe`). `search` sends its queries with
 * the ones it is handed and answers its result with the answer to the probe.
 *
 * An index without documents refuses `attributesToSearchOn` (Meilisearch knows no searchable
 * attribute yet), which fails the whole request: then nobody can be named, and the search is
 * sent again without the probe. Any other failure is the search's own.
 */
export async function withPersonProbe<R>(
  probe: PersonProbe | null,
  understood: UnderstoodQuery | null,
  search: (beside: MultiSearchQuery[]) => Promise<{ result: R; probed?: SearchResponse }>,
): Promise<{ result: R; person: boolean }> {
  if (!probe || !understood) return { result: (await search([])).result, person: false };
  try {
    const { result, probed } = await search([probe]);
    const hits = (probed?.hits ?? []) as { name?: unknown }[];
    const person = hits.some(
      (h) => typeof h.name === 'string' && namesPerson(probe.q, h.name, understood),
    );
    return { result, person };
  } catch (error) {
    if (!refusesSearchingOn(error)) throw error;
    return { result: (await search([])).result, person: false };
  }
}

function refusesSearchingOn(error: unknown): boolean {
  const code =
    error instanceof MeilisearchApiError ? (error.cause as { code?: unknown })?.code : null;
  return code === 'invalid_search_attributes_to_search_on';
}

function sortOf(
  input: ExpertSearchInput,
  understood: UnderstoodQuery | null,
): string[] | undefined {
  switch (input.sort ?? ExpertSort.RELEVANCE) {
    case ExpertSort.NAME:
      return ['nameSort:asc'];
    case ExpertSort.RECENTLY_VERIFIED:
      return ['lastVerifiedAt:desc'];
    case ExpertSort.DISTANCE:
      return undefined; // cut from the organisations' distance bands (distance-page.ts)
    case ExpertSort.RELEVANCE:
      return understood ? gradedSort(understood) : undefined;
  }
}
