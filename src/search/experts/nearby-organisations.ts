import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import { COMMON_SETTINGS } from '../indexes/common-settings.js';
import type { OrganisationDocument } from '../indexes/organisation.document.js';
import { geoPointAsc, geoRadius, inList } from '../faceting/filter-syntax.js';
import { exactDistanceKm, type Position } from '../faceting/geo.js';

/** The most hits the engine lets a search reach (`pagination.maxTotalHits`). */
export const MAX_TOTAL_HITS = COMMON_SETTINGS.pagination?.maxTotalHits ?? 1000;

/**
 * Where an expert search's `near` reaches: the organisations within its radius. Expert documents
 * carry no position (see search-indexes.md): the engine rewrote its whole geo tree on every
 * indexing task, ~0.84 s of a one-expert task at 100,000 experts. Positions live on the few,
 * rarely written organisation documents; a radius over experts is `organisation.id IN [...]`,
 * and distances are the organisation's.
 */
export interface NearbyOrganisations {
  /** Every organisation within the radius, by id. */
  positions: Map<string, Position>;
  /** The same ids grouped by equal distance, nearest group first: the DISTANCE order. */
  bands: string[][];
}

/**
 * The organisations within `near`, nearest first, from the organisations index, with the engine's
 * own `_geoRadius`: the same test on the same positions as when experts carried them, and the same
 * as `searchOrganisations(near)`, so both searches agree on who is inside, boundary included.
 */
export const nearbyQuery = (
  indexUid: string,
  near: Position & { radiusKm: number },
): MultiSearchQuery => ({
  indexUid,
  q: '',
  filter: geoRadius(near),
  sort: [geoPointAsc(near)],
  limit: MAX_TOTAL_HITS,
  attributesToRetrieve: ['id', '_geo'],
});

export async function organisationsNear(
  client: Meilisearch,
  indexUid: string,
  near: Position & { radiusKm: number },
): Promise<NearbyOrganisations> {
  const { results } = await client.multiSearch<
    { queries: MultiSearchQuery[] },
    Pick<OrganisationDocument, 'id' | '_geo'>
  >({ queries: [nearbyQuery(indexUid, near)] });
  return nearbyFrom(near, results[0]?.hits ?? []);
}

/** What `nearbyQuery` answered, as positions and distance bands. */
export function nearbyFrom(
  near: Position,
  hits: readonly Pick<OrganisationDocument, 'id' | '_geo'>[],
): NearbyOrganisations {
  const positions = new Map<string, Position>();
  for (const hit of hits) if (hit._geo) positions.set(hit.id, hit._geo);
  return { positions, bands: bandsByDistance(near, positions) };
}

/**
 * Organisations grouped by equal distance from `from`, nearest first. Organisations at one
 * distance (one building) form one group: their experts are ordered among themselves by relevance,
 * as a geo sort leaves ties to the next ranking rule.
 */
export function bandsByDistance(from: Position, positions: Map<string, Position>): string[][] {
  const byDistance = new Map<number, string[]>();
  for (const [id, position] of positions) {
    const d = exactDistanceKm(from, position);
    const band = byDistance.get(d);
    if (band) band.push(id);
    else byDistance.set(d, [id]);
  }
  return [...byDistance.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids.sort());
}

/** The clause that keeps the experts of these organisations. */
export const ofOrganisations = (ids: Iterable<string>): string =>
  inList('organisation.id', [...ids]);

/** One query of a distance-ordered page: `limit` hits from `offset` within one band. */
export interface BandSlice {
  organisations: string[];
  offset: number;
  limit: number;
}

/**
 * The slices that make up hits [offset, offset + limit) when hits come band by band, nearest band
 * first: the first slice may start inside its band, the last may end inside its band, the ones
 * between are whole. `countOf` is the number of matching experts of an organisation.
 */
export function pageSlices(
  bands: string[][],
  countOf: (organisationId: string) => number,
  offset: number,
  limit: number,
): BandSlice[] {
  const slices: BandSlice[] = [];
  const end = Math.min(offset + limit, MAX_TOTAL_HITS);
  let start = 0;
  for (const band of bands) {
    if (start >= end) break;
    const size = band.reduce((sum, id) => sum + countOf(id), 0);
    const from = Math.max(offset - start, 0);
    const to = Math.min(end - start, size);
    if (to > from) slices.push({ organisations: band, offset: from, limit: to - from });
    start += size;
  }
  return slices;
}
