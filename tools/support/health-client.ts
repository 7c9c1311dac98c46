import { waitFor } from './wait-for.js';

/** What a running API's `/health` says of search and of its outbox. */
export interface HealthReport {
  search: 'up' | 'down';
  outbox: { pending: number; parked: number };
}

/** `/health` beside an API's `/graphql`, or under its base URL. */
export function healthUrl(graphqlOrBaseUrl: string): string {
  return `${graphqlOrBaseUrl.replace(/\/graphql\/?$/, '').replace(/\/$/, '')}/health`;
}

/**
 * Reads an API's `/health`, which answers 503 (with the same body) while the engine is down;
 * throws when the database is down (no outbox figures then).
 */
export async function healthOf(graphqlOrBaseUrl: string): Promise<HealthReport> {
  const response = await fetch(healthUrl(graphqlOrBaseUrl));
  const body = (await response.json()) as {
    search: { status: HealthReport['search'] };
    outbox: HealthReport['outbox'] | null;
  };
  if (!body.outbox) throw new Error(`the database is down: ${JSON.stringify(body)}`);
  return { search: body.search.status, outbox: body.outbox };
}

/**
 * Waits until every API named reports search up and nothing pending in its outbox; answers the
 * most documents any of them has parked (poison documents the relay gave up on). A failed
 * request is retried until `timeoutMs`, after which it throws saying what it last saw.
 */
export async function waitForOutboxDrained(
  graphqlOrBaseUrls: string | string[],
  timeoutMs: number,
  intervalMs = 50,
): Promise<{ parked: number }> {
  const urls = [graphqlOrBaseUrls].flat();
  const parked = await waitFor(
    `outbox drained on ${urls.length === 1 ? 'the API' : `all ${urls.length} API processes`}`,
    async () => {
      const all = await Promise.all(urls.map(healthOf));
      const busy = all.some((h) => h.outbox.pending > 0 || h.search !== 'up');
      return busy ? null : Math.max(0, ...all.map((h) => h.outbox.parked));
    },
    timeoutMs,
    intervalMs,
  );
  return { parked };
}
