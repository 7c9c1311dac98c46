import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Meilisearch } from 'meilisearch';
import { runningBundledMeilisearch } from '../search/engine/bundled-meilisearch.js';
import { EXPERTS_INDEX } from '../search/indexes/experts.index.js';
import { load } from './load.js';
import { peakRssMb, pidOf, runNode, startNode } from './processes.js';
import { searchMix } from './search-mix.js';

const DIST = new URL('..', import.meta.url).pathname;

/**
 * `npm run bench`: Kenner against the limits of its own parts, in one run on this machine —
 * reindex vs raw ingest into Meilisearch, GraphQL search vs the same requests sent straight to
 * Meilisearch at the same concurrency, and peak memory. Prints a table, writes JSON under
 * bench/results/. Ratios from one run matter; absolute times on small machines are noisy.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean' },
      experts: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
    },
  });
  const experts = Number(values.experts ?? (values.full ? 100_000 : 20_000));
  const seconds = Number(values.seconds ?? 15);
  const connections = Number(values.connections ?? 20);
  const scratch = mkdtempSync(join(tmpdir(), 'kenner-bench-'));
  const adminKey = `knr_bench-${randomBytes(24).toString('base64url')}`;
  const env = {
    DATA_DIR: scratch,
    DATABASE_URL: '',
    MEILI_HOST: '',
    SEED_DEMO: 'true',
    DEMO_EXPERTS: String(experts),
    BOOTSTRAP_ADMIN_KEY: adminKey,
    RATE_LIMIT_ANONYMOUS: '0',
    RATE_LIMIT_KEYED: '0',
    PORT: '0',
    NODE_ENV: 'production',
    LOG_LEVEL: 'log',
  };
  const say = (line: string) => process.stderr.write(`${line}\n`);
  say(`bench: ${experts} demo experts, ${connections} connections, ${seconds} s per load run`);
  const started = Date.now();
  const api = await startNode(join(DIST, 'main.js'), env, /GraphQL ready at (\S+)/, 900_000);
  const url = api.match[1] as string;
  try {
    const health = url.replace('/graphql', '/health');
    for (;;) {
      const body = (await (await fetch(health)).json()) as { outbox?: { pending: number } };
      if (body.outbox?.pending === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const seedAndSyncS = (Date.now() - started) / 1000;
    const engine = await runningBundledMeilisearch(scratch);
    if (!engine) throw new Error('the bundled Meilisearch is not running');
    const meili = new Meilisearch({ host: engine.host, apiKey: engine.masterKey });
    const meiliPid = pidOf(join(scratch, 'meilisearch', 'data.ms'));

    say('indexing: reindex through Kenner');
    const reindexOut = await runNode(
      join(DIST, 'search/maintenance/search-maintenance.command.js'),
      ['reindex'],
      env,
    );
    const line = reindexOut.split('\n').find((l) => l.startsWith(`${EXPERTS_INDEX}:`)) ?? '';
    const [, docs, secs] = /(\d+) documents rebuilt and swapped in ([\d.]+) s/.exec(line) ?? [];
    const reindexDocsPerS = Math.round(Number(docs) / Number(secs));

    say('indexing: the same documents, pre-serialised, straight into Meilisearch');
    const rawIngestDocsPerS = await rawIngest(meili, EXPERTS_INDEX);

    const mix = searchMix(EXPERTS_INDEX);
    say(`search: ${mix.length} searches through GraphQL`);
    await load(
      url,
      mix.map((m) => m.graphql),
      {},
      connections,
      3,
    ); // warm-up
    const graphql = await load(
      url,
      mix.map((m) => m.graphql),
      {},
      connections,
      seconds,
    );
    say('search: the same requests straight to Meilisearch');
    const auth = { authorization: `Bearer ${engine.masterKey}` };
    await load(
      `${engine.host}/multi-search`,
      mix.map((m) => m.raw),
      auth,
      connections,
      3,
    );
    const raw = await load(
      `${engine.host}/multi-search`,
      mix.map((m) => m.raw),
      auth,
      connections,
      seconds,
    );

    const results = {
      at: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
      experts,
      seedAndSyncSeconds: seedAndSyncS,
      indexing: {
        reindexDocsPerS,
        rawIngestDocsPerS,
        ratio: round(reindexDocsPerS / rawIngestDocsPerS),
      },
      search: {
        searches: mix.length,
        connections,
        seconds,
        graphql,
        raw,
        throughputRatio: round(graphql.requestsPerSecond / raw.requestsPerSecond),
        p50OverheadMs: graphql.p50Ms - raw.p50Ms,
      },
      memory: {
        apiPeakRssMb: peakRssMb(api.child.pid ?? 0),
        meilisearchPeakRssMb: meiliPid ? peakRssMb(meiliPid) : null,
      },
    };
    print(results);
    mkdirSync('bench/results', { recursive: true });
    const file = join('bench/results', `bench-${results.at.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    say(`written ${file}`);
  } finally {
    api.child.kill('SIGTERM');
    await new Promise((r) => api.child.once('exit', r));
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Copies the live index's documents and settings into a scratch index, timing the ingest only. */
async function rawIngest(meili: Meilisearch, uid: string): Promise<number> {
  const batches: string[] = [];
  let count = 0;
  for (let offset = 0; ; offset += 1000) {
    const page = await meili.index(uid).getDocuments({ offset, limit: 1000 });
    if (page.results.length === 0) break;
    batches.push(JSON.stringify(page.results));
    count += page.results.length;
  }
  const target = `${uid}__bench_raw`;
  await meili.deleteIndexIfExists(target);
  await meili.createIndex(target, { primaryKey: 'id' }).waitTask();
  await meili
    .index(target)
    .updateSettings(await meili.index(uid).getSettings())
    .waitTask({ timeout: 120_000 });
  const started = performance.now();
  let last = 0;
  for (const body of batches) {
    const response = await fetch(`${meili.config.host}/indexes/${target}/documents?primaryKey=id`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${meili.config.apiKey}`,
      },
      body,
    });
    last = ((await response.json()) as { taskUid: number }).taskUid;
  }
  await meili.tasks.waitForTask(last, { timeout: 600_000 });
  const rate = Math.round(count / ((performance.now() - started) / 1000));
  await meili.deleteIndexIfExists(target);
  return rate;
}

const round = (n: number) => Math.round(n * 100) / 100;

function print(r: {
  machine: string;
  experts: number;
  indexing: { reindexDocsPerS: number; rawIngestDocsPerS: number; ratio: number };
  search: {
    graphql: {
      requestsPerSecond: number;
      p50Ms: number;
      p99Ms: number;
      errors: number;
      non2xx: number;
    };
    raw: { requestsPerSecond: number; p50Ms: number; p99Ms: number };
    throughputRatio: number;
    p50OverheadMs: number;
  };
  memory: { apiPeakRssMb: number | null; meilisearchPeakRssMb: number | null };
}): void {
  const out = [
    `machine: ${r.machine}; ${r.experts} experts`,
    `indexing   reindex ${r.indexing.reindexDocsPerS} docs/s   raw ingest ${r.indexing.rawIngestDocsPerS} docs/s   ratio ${r.indexing.ratio}`,
    `search     GraphQL ${r.search.graphql.requestsPerSecond} req/s p50 ${r.search.graphql.p50Ms} ms p99 ${r.search.graphql.p99Ms} ms (errors ${r.search.graphql.errors}, non-2xx ${r.search.graphql.non2xx})`,
    `           raw     ${r.search.raw.requestsPerSecond} req/s p50 ${r.search.raw.p50Ms} ms p99 ${r.search.raw.p99Ms} ms   throughput ratio ${r.search.throughputRatio}, p50 overhead ${r.search.p50OverheadMs} ms`,
    `memory     API peak RSS ${r.memory.apiPeakRssMb} MB   Meilisearch peak RSS ${r.memory.meilisearchPeakRssMb} MB`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
