/**
 * The seam through which the caller middleware asks the search module about a bearer that may be
 * a Kenner search token (auth never talks to Meilisearch, where the signing key lives). The edge
 * (edge.module.ts) provides it from SearchTokenVerifier; without it every bearer is an API key.
 */
export const SEARCH_TOKEN_CREDENTIALS = Symbol('SEARCH_TOKEN_CREDENTIALS');

export type SearchTokenVerdict =
  /**
   * Signed by the current signing key, unexpired: minted by this key (null: anonymously), or by
   * the person of this session.
   */
  | { valid: true; keyId: string | null; sessionId?: string }
  /**
   * Refused: `message` tells the caller why (401, like an unknown API key), or `unavailable`: the
   * signing key could not be read (the engine is unreachable), 503, try again.
   */
  | { valid: false; message: string; unavailable?: boolean };

export interface SearchTokenCredentials {
  /** Undefined when the bearer is not shaped like a search token: it is then an API key. */
  verify(bearer: string): Promise<SearchTokenVerdict | undefined>;
}
