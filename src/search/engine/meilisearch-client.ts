import { Meilisearch } from 'meilisearch';

/**
 * The Meilisearch client every part of Kenner uses. Node's fetch asks for compressed answers by
 * default; Meilisearch then streams a compressed body that, on a fast link, arrives about 40 ms
 * after its headers (measured: a 50 kB search answer in 64 ms compressed, 21 ms plain, the
 * engine's own time being ~20 ms). Between an API and its search engine bandwidth is cheap and
 * latency is not, so answers are asked for uncompressed.
 */
export function meilisearchClient(host: string, apiKey?: string): Meilisearch {
  return new Meilisearch({
    host,
    apiKey,
    requestInit: { headers: { 'accept-encoding': 'identity' } },
  });
}
