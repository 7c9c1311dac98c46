import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runCommand } from '../../src/common/cli/run-command.js';
import { startNode, type Started } from '../../src/common/process/child-process.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { productScript } from '../support/product.js';
import { API_READY, type BenchTarget, startBenchTarget } from './bench-target.js';
import { load, loadAcross } from './load.js';
import { machine } from './machine.js';
import { writeResults } from './results-file.js';
import { searchMix } from './search-mix.js';

const USAGE =
  'usage: npm run load:processes -- [--processes 3] [--store postgres|redis|memory] ' +
  '[--experts 1000] [--seconds 10] [--connections 60] [--limit 25] [--window 5]';

/** A client of its own for each phase: the API believes X-Forwarded-For (TRUST_PROXY_HOPS=1). */
const LIMITED_CLIENT = '203.0.113.7';

/** The other API processes: same database, the first one's Meilisearch, their own port. */
async function moreApis(target: BenchTarget, count: number): Promise<Started[]> {
  const env = {
    ...target.env,
    MEILI_HOST: target.meili.host,
    MEILI_MASTER_KEY: target.meili.masterKey,
  };
  const started: Started[] = [];
  for (let i = 0; i < count; i++) {
    started.push(await startNode(productScript('main.js'), env, API_READY, 120_000));
  }
  return started;
}

/**
 * `npm run load:processes`: several API processes on one PostgreSQL database and one
 * Meilisearch, loaded at once as a round-robin proxy would (autocannon on every port), with the
 * rate limits counted in a shared store (docs/scaling.md). Two phases: with an API key whose
 * limit is never reached (what counting in the store costs), then anonymously with a limit that
 * binds, where the combined allowance must hold: answers 2xx ≈ limit × windows begun, the rest
 * 429, and no error. Exits 1 when it does not hold (more than one window's allowance off) or on
 * any error.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      processes: { type: 'string' },
      store: { type: 'string' },
      experts: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      limit: { type: 'string' },
      window: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const processes = Number(values.processes ?? 3);
  const store = values.store ?? 'postgres';
  const experts = Number(values.experts ?? 1000);
  const seconds = Number(values.seconds ?? 10);
  const connections = Number(values.connections ?? 60);
  // Low enough to bind even when the machine is busy: the check is of the allowance, not speed.
  const limit = Number(values.limit ?? 25);
  const window = Number(values.window ?? 5);
  const numbers = [processes, experts, seconds, connections, limit, window];
  if (
    values.help ||
    !['postgres', 'redis', 'memory'].includes(store) ||
    !numbers.every((n) => Number.isInteger(n) && n > 0)
  ) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const apiEnv: Record<string, string> = {
    RATE_LIMIT_STORE: store,
    RATE_LIMIT_WINDOW_SECONDS: String(window),
    RATE_LIMIT_ANONYMOUS: String(limit),
    RATE_LIMIT_KEYED: '1000000000', // counted in the store, never reached
    TRUST_PROXY_HOPS: '1',
  };
  if (store === 'redis') {
    apiEnv.REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
    apiEnv.REDIS_KEY_PREFIX = `kenner-bench:${Date.now()}:`;
  }
  const target = await startBenchTarget(experts, 'postgres', say, apiEnv);
  const others: Started[] = [];
  try {
    others.push(...(await moreApis(target, processes - 1)));
    const urls = [target.url, ...others.map((api) => api.match[1] as string)];
    const bodies = searchMix(EXPERTS_INDEX).map((m) => m.graphql);
    for (const url of urls) await load(url, bodies, {}, 4, 2); // caches, JIT, pools
    const loadAverageAtStart = Number(loadavg()[0]?.toFixed(2));
    say(`${processes} API processes (${store} store): ${urls.join(' ')}`);

    say(`phase 1: an API key, never limited, ${connections} connections, ${seconds} s`);
    const keyed = await loadAcross(
      urls,
      bodies,
      { authorization: `Bearer ${target.adminKey}` },
      connections,
      seconds,
    );
    say(`phase 2: one anonymous client, ${limit} per ${window} s, ${connections} connections`);
    const limited = await loadAcross(
      urls,
      bodies,
      { 'x-forwarded-for': LIMITED_CLIENT },
      connections,
      seconds,
    );
    // Windows start at the client's first request, so a run of `seconds` begins this many.
    const windows = Math.ceil(seconds / window);
    const expected = limit * windows;
    const allowed = limited.statuses['200'] ?? 0;
    const refused = limited.statuses['429'] ?? 0;
    const holds = Math.abs(allowed - expected) <= limit && allowed + refused === limited.requests;
    const results = {
      at: new Date().toISOString(),
      machine: machine(),
      // Others' work on the same cores lowers throughput: said beside the figures.
      loadAverageAtStart,
      database: 'postgres',
      store,
      processes,
      experts,
      connections,
      seconds,
      keyed,
      limited: { limit, windowSeconds: window, windows, expected, allowed, refused, ...limited },
      holds,
    };
    const line = (name: string, f: typeof keyed) =>
      `${name}: ${f.requests} requests (${f.requestsPerSecond}/s), p50 ${f.p50Ms} ms, ` +
      `p99 ${f.p99Ms} ms, errors ${f.errors}, statuses ${JSON.stringify(f.statuses)}`;
    process.stdout.write(
      [
        `Kenner load on ${processes} API processes — ${results.at}, ${results.machine}`,
        `${experts} experts on PostgreSQL, rate limits in ${store}; load average at start ${loadAverageAtStart}`,
        line('API key (not limited)', keyed),
        line('anonymous (limited)', limited),
        `allowance: ${limit} per ${window} s over ${windows} windows = ${expected} expected; ` +
          `${allowed} answered, ${refused} refused 429 — ${holds ? 'holds' : 'DOES NOT HOLD'}`,
      ].join('\n') + '\n',
    );
    say(`written ${writeResults('load', results)}`);
    return holds && keyed.errors + keyed.non2xx + limited.errors === 0 ? 0 : 1;
  } finally {
    for (const api of others) await api.stop();
    await target.close();
  }
}

runCommand(main);
