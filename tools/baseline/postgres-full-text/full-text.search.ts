import type pg from 'pg';
import { toGlobalId } from '../../../src/common/graphql/global-id.js';
import type { ExpertSearchInput } from '../../../src/search/experts/dto/expert-search.input.js';
import { ExpertFacet } from '../../../src/search/experts/expert-facets.js';
import {
  anyWord,
  fullTextStatements,
  pagingOf,
  type Sql,
  type TextMatch,
} from './full-text.query.js';

/** A pool or a single client: whatever runs parameterised statements. */
export type Queryable = Pick<pg.Pool, 'query'>;

export interface FullTextHit {
  id: string;
  name: string;
  jobTitle: string;
  organisation: string;
  distanceKm: number | null;
}

export interface FullTextResult {
  totalHits: number;
  page: number;
  hitsPerPage: number;
  hits: FullTextHit[];
  /** Per facet asked for: value → count, most frequent first. */
  facets: Partial<Record<ExpertFacet, Record<string, number>>>;
  /** True when no expert matched every word and the search fell back to any word. */
  relaxed: boolean;
}

interface HitRow {
  total: number;
  id: string | null;
  name: string;
  job_title: string;
  organisation_name: string;
  distance_km: number | null;
}

/**
 * One expert search on the PostgreSQL full-text table, for experts of the `visible`
 * visibilities. Every word must match; when that finds nobody and the query has several words,
 * any word will do, best ts_rank first — the relaxation a team adds once users type sentences
 * (without it every request of the evaluation would find nobody). No typo tolerance, no prefix
 * matching, no synonyms at query time.
 */
export async function searchFullText(
  db: Queryable,
  input: ExpertSearchInput,
  visible: readonly string[] = ['PUBLIC'],
): Promise<FullTextResult> {
  const strict = await run(db, input, visible, 'all');
  const words = anyWord(input.query ?? '').split(' or ').length;
  if (strict.totalHits > 0 || words < 2) return strict;
  return run(db, input, visible, 'any');
}

async function run(
  db: Queryable,
  input: ExpertSearchInput,
  visible: readonly string[],
  match: TextMatch,
): Promise<FullTextResult> {
  const statements = fullTextStatements(input, visible, match);
  const [hitRows, ...facetRows] = await Promise.all([
    rowsOf<HitRow>(db, statements.hits),
    ...statements.facets.map((f) => rowsOf<{ value: string; count: number }>(db, f.sql)),
  ]);
  const facets: FullTextResult['facets'] = {};
  statements.facets.forEach(({ facet }, i) => {
    facets[facet] = Object.fromEntries(
      (facetRows[i] ?? []).map((r) => [publicValue(facet, r.value), r.count]),
    );
  });
  return {
    totalHits: hitRows[0]?.total ?? 0,
    ...pagingOf(input),
    hits: hitRows.flatMap((r) =>
      r.id
        ? [
            {
              id: r.id,
              name: r.name,
              jobTitle: r.job_title,
              organisation: r.organisation_name,
              distanceKm: r.distance_km === null ? null : Math.round(r.distance_km * 10) / 10,
            },
          ]
        : [],
    ),
    facets,
    relaxed: match === 'any',
  };
}

async function rowsOf<R extends pg.QueryResultRow>(db: Queryable, sql: Sql): Promise<R[]> {
  return (await db.query<R>(sql.text, sql.values)).rows;
}

/** A facet value is what a filter takes back: organisations by their global id, as in Kenner. */
const publicValue = (facet: ExpertFacet, value: string): string =>
  facet === ExpertFacet.ORGANISATION ? toGlobalId('Organisation', value) : value;
