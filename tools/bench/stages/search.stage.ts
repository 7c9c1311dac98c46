import { EXPERTS_INDEX } from '../../../src/search/indexes/experts.index.js';
import type { BenchTarget } from '../bench-target.js';
import { type LoadFigures, load } from '../load.js';
import { mixEngineView } from '../mix-engine-view.js';
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
 * engine work Kenner does for it, as one multi-search request each, straight to Meilisearch. Run twice: loaded, for
 * throughput, and on one connection, for the per-request overhead that queueing hides.
 */
export async function searchStage(
  target: BenchTarget,
  connections: number,
  seconds: number,
  say: (line: string) => void,
): Promise<SearchFigures> {
  // The raw side reads what Kenner reads first: the organisations within `near`, the query's terms.
  const mix = searchMix(EXPERTS_INDEX, await mixEngineView(target));
  const watched = { api: target.api.child.pid, meilisearch: target.meili.pid };
  const side = async (c: number): Promise<SideBySide> => {
    say(`search: ${mix.length} searches through GraphQL, ${c} connection(s)`);
    const graphql = await load(
      target.url,
      mix.map((m) => m.graphql),
      {},
      c,
      seconds,
      WARM_UP_SECONDS,
      watched,
    );
    say(`search: the same requests straight to Meilisearch, ${c} connection(s)`);
    const raw = await load(
      `${target.meili.host}/multi-search`,
      mix.map((m) => m.raw),
      { authorization: `Bearer ${target.meili.masterKey}` },
      c,
      seconds,
      WARM_UP_SECONDS,
      { meilisearch: target.meili.pid },
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

/** What one search cost each process, in CPU ms, through GraphQL and straight to the engine. */
export function cpuPerSearchLine(s: SideBySide): string {
  const ms = (value: number | null | undefined) => (value == null ? '?' : `${value} ms`);
  const viaGraphql = s.graphql.cpuMsPerRequest ?? {};
  return (
    `CPU per search: through GraphQL API ${ms(viaGraphql.api)} + Meilisearch ${ms(viaGraphql.meilisearch)}; ` +
    `raw Meilisearch ${ms(s.raw.cpuMsPerRequest?.meilisearch)}`
  );
}
