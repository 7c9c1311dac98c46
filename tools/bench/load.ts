import autocannon from 'autocannon';

export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/**
 * Round-robin POSTs of `bodies` for `seconds` at `connections`, with autocannon; first, if asked,
 * the same load for `warmUpSeconds` whose figures are dropped (caches, JIT, connection pools).
 */
export async function load(
  url: string,
  bodies: string[],
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  warmUpSeconds = 0,
): Promise<LoadFigures> {
  const run = (duration: number) =>
    autocannon({
      url,
      connections,
      duration,
      requests: bodies.map((body) => ({
        method: 'POST',
        path: new URL(url).pathname,
        headers: { 'content-type': 'application/json', ...headers },
        body,
      })),
    });
  if (warmUpSeconds > 0) await run(warmUpSeconds);
  const result = await run(seconds);
  return {
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors, // timeouts included
    non2xx: result.non2xx,
  };
}
