import { fromGlobalId } from '../../../src/common/graphql/global-id.js';
import type { ExpertSearchInput } from '../../../src/search/experts/dto/expert-search.input.js';
import { ExpertFacet, ExpertSort } from '../../../src/search/experts/expert-facets.js';
import {
  DEFAULT_HITS_PER_PAGE,
  MAX_HITS_PER_PAGE,
} from '../../../src/search/faceting/faceted-query.js';
import { FULL_TEXT_CONFIG, FULL_TEXT_TABLE } from './full-text.table.js';

/** One parameterised statement: values are never spliced into the text. */
export interface Sql {
  text: string;
  values: unknown[];
}

/** The column behind each facet; `array` for multi-valued facets (a filter overlaps them). */
export const FACET_COLUMN: Record<ExpertFacet, { column: string; array: boolean }> = {
  [ExpertFacet.TECHNOLOGY]: { column: 'technologies', array: true },
  [ExpertFacet.TECHNIQUE_CATEGORY]: { column: 'technique_categories', array: true },
  [ExpertFacet.MATERIAL]: { column: 'materials', array: true },
  [ExpertFacet.SECTOR]: { column: 'sectors', array: true },
  [ExpertFacet.SERVICE]: { column: 'services', array: true },
  [ExpertFacet.ORGANISATION]: { column: 'organisation_id', array: false },
  [ExpertFacet.ORGANISATION_TYPE]: { column: 'organisation_type', array: false },
  [ExpertFacet.COUNTRY]: { column: 'country', array: false },
  [ExpertFacet.REGION]: { column: 'region', array: false },
  [ExpertFacet.LANGUAGE]: { column: 'languages', array: true },
  [ExpertFacet.CLUSTER]: { column: 'clusters', array: true },
};

/** As many values per facet as Kenner's index returns (`maxValuesPerFacet`). */
const MAX_FACET_VALUES = 500;
const EARTH_RADIUS_KM = 6371;
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

/**
 * `all`: every word must match (websearch_to_tsquery: quotes, `or` and `-` work as people expect).
 * `any`: one word is enough, ranked by ts_rank — the relaxation tried when `all` finds nobody.
 */
export type TextMatch = 'all' | 'any';

/**
 * The statements of one search: the page of hits with the total, and one GROUP BY per facet
 * asked for. A filtered facet is counted without its own filter (disjunctive, as Kenner does),
 * so its counts show the alternatives; every other facet is counted under every filter.
 */
export function fullTextStatements(
  input: ExpertSearchInput,
  visible: readonly string[],
  match: TextMatch,
): { hits: Sql; facets: { facet: ExpertFacet; sql: Sql }[] } {
  return {
    hits: hitsStatement(input, visible, match),
    facets: [...new Set(input.facets ?? [])].map((facet) => ({
      facet,
      sql: facetStatement(input, visible, match, facet),
    })),
  };
}

function hitsStatement(
  input: ExpertSearchInput,
  visible: readonly string[],
  match: TextMatch,
): Sql {
  const values: unknown[] = [];
  const { from, where, text } = scope(values, input, visible, match);
  const { page, hitsPerPage } = pagingOf(input);
  const limit = `$${values.push(hitsPerPage)}`;
  const offset = `$${values.push((page - 1) * hitsPerPage)}`;
  const distance = input.near ? distanceSql(values, input.near) : 'NULL::float8';
  return {
    text: `WITH matched AS (
  SELECT e.id, e.name, e.job_title, e.organisation_name, e.last_verified_at,
         ${text ? 'ts_rank(e.document, q)' : '0'} AS rank, ${distance} AS distance_km
    FROM ${from} WHERE ${where.join(' AND ')}
)
SELECT total.n AS total, page.id, page.name, page.job_title, page.organisation_name, page.distance_km
  FROM (SELECT count(*)::int AS n FROM matched) total
  LEFT JOIN LATERAL (
    SELECT * FROM matched ORDER BY ${orderOf(input, text)} LIMIT ${limit} OFFSET ${offset}
  ) page ON true`,
    values,
  };
}

/** The page asked for, within Kenner's bounds (1…100 hits, 20 by default). */
export function pagingOf(input: ExpertSearchInput): { page: number; hitsPerPage: number } {
  const whole = (n: unknown, fallback: number) => (Number.isInteger(n) ? (n as number) : fallback);
  return {
    page: Math.max(whole(input.page, 1), 1),
    hitsPerPage: Math.min(
      Math.max(whole(input.hitsPerPage, DEFAULT_HITS_PER_PAGE), 1),
      MAX_HITS_PER_PAGE,
    ),
  };
}

function facetStatement(
  input: ExpertSearchInput,
  visible: readonly string[],
  match: TextMatch,
  facet: ExpertFacet,
): Sql {
  const values: unknown[] = [];
  const { from, where } = scope(values, input, visible, match, facet);
  const { column, array } = FACET_COLUMN[facet];
  const value = array ? 'v' : `e.${column}`;
  return {
    text: `SELECT ${value} AS value, count(*)::int AS count
  FROM ${from}${array ? `, unnest(e.${column}) v` : ''}
 WHERE ${[...where, `${value} IS NOT NULL`].join(' AND ')}
 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${MAX_FACET_VALUES}`,
    values,
  };
}

/** FROM and WHERE shared by every statement of a search; `except`: the facet being counted. */
function scope(
  values: unknown[],
  input: ExpertSearchInput,
  visible: readonly string[],
  match: TextMatch,
  except?: ExpertFacet,
): { from: string; where: string[]; text: boolean } {
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = [`e.visibility = ANY(${param(visible)}::text[])`];
  const query = match === 'all' ? (input.query ?? '').trim() : anyWord(input.query ?? '');
  let from = `${FULL_TEXT_TABLE} e`;
  if (query) {
    from += `, websearch_to_tsquery('${FULL_TEXT_CONFIG}', ${param(query)}) q`;
    where.push('e.document @@ q');
  }
  for (const filter of input.filters ?? []) {
    if (filter.facet === except || filter.values.length === 0) continue;
    const { column, array } = FACET_COLUMN[filter.facet];
    const list = `${param(filter.values.map((v) => storedValue(filter.facet, v)))}::text[]`;
    where.push(array ? `e.${column} && ${list}` : `e.${column} = ANY(${list})`);
  }
  if (input.near) where.push(...radiusSql(values, input.near));
  return { from, where, text: Boolean(query) };
}

/** The words of a query joined by websearch's `or`, with its other operators taken out. */
export function anyWord(query: string): string {
  return query
    .split(/\s+/)
    .map((word) => word.replace(/"/g, '').replace(/^-+/, ''))
    .filter((word) => word && word.toLowerCase() !== 'or')
    .join(' or ');
}

/** Organisation filter values are global ids, as in Kenner; an invalid one matches nothing. */
function storedValue(facet: ExpertFacet, value: string): string {
  if (facet !== ExpertFacet.ORGANISATION) return value;
  try {
    return fromGlobalId(value, 'Organisation');
  } catch {
    return value;
  }
}

/** Haversine distance from the row's organisation, in km. */
function distanceSql(values: unknown[], near: { lat: number; lng: number }): string {
  const lat = `$${values.push(near.lat)}::float8`;
  const lng = `$${values.push(near.lng)}::float8`;
  return `${EARTH_RADIUS_KM} * 2 * asin(least(1, sqrt(
    power(sin(radians(e.lat - ${lat}) / 2), 2) +
    cos(radians(${lat})) * cos(radians(e.lat)) * power(sin(radians(e.lng - ${lng}) / 2), 2))))`;
}

/**
 * Within the radius: a bounding box first, which the (lat, lng) index can serve, then the exact
 * haversine distance. Longitude is boxed only away from the poles and the antimeridian.
 */
function radiusSql(
  values: unknown[],
  near: { lat: number; lng: number; radiusKm: number },
): string[] {
  const dLat = near.radiusKm / KM_PER_DEGREE;
  const box = [
    `e.lat BETWEEN $${values.push(near.lat - dLat)} AND $${values.push(near.lat + dLat)}`,
  ];
  const dLng = dLat / Math.cos((near.lat * Math.PI) / 180);
  if (Math.abs(near.lat) + dLat < 89 && Math.abs(near.lng) + dLng < 180) {
    box.push(`e.lng BETWEEN $${values.push(near.lng - dLng)} AND $${values.push(near.lng + dLng)}`);
  }
  return [...box, `${distanceSql(values, near)} <= $${values.push(near.radiusKm)}`];
}

/** Ties broken by id, so pages never overlap. */
function orderOf(input: ExpertSearchInput, text: boolean): string {
  switch (input.sort ?? ExpertSort.RELEVANCE) {
    case ExpertSort.NAME:
      return 'lower(name), id';
    case ExpertSort.RECENTLY_VERIFIED:
      return 'last_verified_at DESC NULLS LAST, id';
    case ExpertSort.DISTANCE:
      return input.near ? 'distance_km, id' : relevance(text);
    case ExpertSort.RELEVANCE:
      return relevance(text);
  }
}

const relevance = (text: boolean) => (text ? 'rank DESC, id' : 'id');
