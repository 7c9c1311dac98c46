import { cpuMs } from './process-cpu.js';
import autocannon from 'autocannon';

export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  /** CPU ms per answered request of each watched process, over the measured run. */
  cpuMsPerRequest?: Record<string, number | null>;
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
  /** Processes (name → pid) whose CPU time per request is reported. */
  watched: Record<string, number | null | undefined> = {},
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
  const cpuAt = () =>
    Object.entries(watched).map(([name, pid]) => [name, pid ? cpuMs(pid) : null] as const);
  const before = cpuAt();
  const result = await run(seconds);
  const after = new Map(cpuAt());
  const perRequest = (start: number | null, end: number | null | undefined) =>
    start === null || end == null || result.requests.total === 0
      ? null
      : Math.round(((end - start) / result.requests.total) * 100) / 100;
  return {
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors, // timeouts included
    non2xx: result.non2xx,
    ...(before.length && {
      cpuMsPerRequest: Object.fromEntries(
        before.map(([name, start]) => [name, perRequest(start, after.get(name))]),
      ),
    }),
  };
}

export interface SpreadLoadFigures extends LoadFigures {
  /** Answers per HTTP status ("200", "429", …), over every process. */
  statuses: Record<string, number>;
}

/** autocannon combines runs whose aggregation it was told to skip; its types do not say so. */
const aggregate = (
  autocannon as unknown as {
    aggregateResult(this: void, results: unknown[], opts: { url: string }): autocannon.Result;
  }
).aggregateResult;

/**
 * The same load spread over several API processes, as a round-robin proxy would: each URL gets
 * an equal share of the connections, all at once, and the figures are of all of them together
 * (latency histograms merged, not averaged).
 */
export async function loadAcross(
  urls: string[],
  bodies: string[],
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<SpreadLoadFigures> {
  const runs = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: Math.max(1, Math.round(connections / urls.length)),
        duration: seconds,
        skipAggregateResult: true,
        requests: bodies.map((body) => ({
          method: 'POST',
          path: new URL(url).pathname,
          headers: { 'content-type': 'application/json', ...headers },
          body,
        })),
      }),
    ),
  );
  const result = aggregate(runs, { url: urls[0] as string });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
  );
  return {
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.total / seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    statuses,
  };
}
