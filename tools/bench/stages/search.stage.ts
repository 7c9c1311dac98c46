import { meilisearchClient } from '../../../src/search/engine/meilisearch-client.js';
import {
  type NearbyOrganisations,
  organisationsNear,
} from '../../../src/search/experts/nearby-organisations.js';
import { EXPERTS_INDEX } from '../../../src/search/indexes/experts.index.js';
import { ORGANISATIONS_INDEX } from '../../../src/search/indexes/organisations.index.js';
import type { BenchTarget } from '../bench-target.js';
import { type LoadFigures, load } from '../load.js';
import { searchMix } from '../search-mix.js';

const WARM_UP_SECONDS = 3;

export interface SideBySide {
  connections: number;
  graphql: LoadFigures;
  raw: LoadFigures;
  throughputRatio: number;
  p50OverheadMs: number;
}

export interface SearchFigures {
  searches: number;
  seconds: number;
  /** At the configured concurrency: throughput. */
  loaded: SideBySide;
  /** One connection: what a single request costs, without queueing. */
  single: SideBySide;
}

/**
 * The fixed search mix through GraphQL `searchExperts` and, at the same concurrency, the exact
 * multi-search requests Kenner sends for it straight to Meilisearch. Run twice: loaded, for
 * throughput, and on one connection, for the per-request overhead that queueing hides.
 */
export async function searchStage(
  target: BenchTarget,
  connections: number,
  seconds: number,
  say: (line: string) => void,
): Promise<SearchFigures> {
  // The raw side of a `near` search holds the organisations within it, as Kenner's does.
  const client = meilisearchClient(target.meili.host, target.meili.masterKey);
  const reach = new Map<string, NearbyOrganisations>();
  for (const { input } of searchMix(EXPERTS_INDEX)) {
    if (input.near)
      reach.set(
        JSON.stringify(input.near),
        await organisationsNear(client, ORGANISATIONS_INDEX, input.near),
      );
  }
  const mix = searchMix(EXPERTS_INDEX, {
    organisationsIndex: ORGANISATIONS_INDEX,
    of: (near) => reach.get(JSON.stringify(near)) ?? { positions: new Map(), bands: [] },
  });
  const side = async (c: number): Promise<SideBySide> => {
    say(`search: ${mix.length} searches through GraphQL, ${c} connection(s)`);
    const graphql = await load(
      target.url,
      mix.map((m) => m.graphql),
      {},
      c,
      seconds,
      WARM_UP_SECONDS,
    );
    say(`search: the same requests straight to Meilisearch, ${c} connection(s)`);
    const raw = await load(
      `${target.meili.host}/multi-search`,
      mix.map((m) => m.raw),
      { authorization: `Bearer ${target.meili.masterKey}` },
      c,
      seconds,
      WARM_UP_SECONDS,
    );
    return {
      connections: c,
      graphql,
      raw,
      throughputRatio: Math.round((graphql.requestsPerSecond / raw.requestsPerSecond) * 100) / 100,
      p50OverheadMs: graphql.p50Ms - raw.p50Ms,
    };
  };
  return { searches: mix.length, seconds, loaded: await side(connections), single: await side(1) };
}
