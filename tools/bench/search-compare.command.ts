import { parseArgs } from 'node:util';
import { runCommand } from '../../src/common/cli/run-command.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { seedPostgresCopy } from '../support/scratch-postgres.js';
import { apiNodeOptionsOf, memoryOf, startBenchTarget } from './bench-target.js';
import { benchPostgresFullText, type FullTextBenchFigures } from './full-text/full-text.bench.js';
import { machine } from './machine.js';
import { searchMix } from './search-mix.js';
import { writeResults } from './results-file.js';
import { cpuPerSearchLine, type SearchFigures, searchStage } from './stages/search.stage.js';

const USAGE = `usage: npm run bench:search -- [--experts 20000] [--seconds 10] [--connections 20] [--postgres] [--no-alternative] [--profile DIR] [--api-node-options="--flag ..."]
  --profile DIR: the API runs with --cpu-prof and writes its profile into DIR when it stops
  --api-node-options: Node options for the API under test (a heap limit, say), recorded in the results`;

/**
 * `npm run bench:search`: only the search comparison of `npm run bench` — GraphQL searchExperts,
 * the same requests straight to Meilisearch, and PostgreSQL full-text on the same data, at the
 * same concurrency — at the sizes the full bench does not run (2,000 and 20,000 experts), or to
 * find where search time goes without the other stages' minutes. Prints, and writes
 * docs/benchmarks/search-<time>.json (not with --profile, whose figures the profiler slows).
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      experts: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      postgres: { type: 'boolean' },
      'no-alternative': { type: 'boolean' },
      profile: { type: 'string' },
      'api-node-options': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const experts = Number(values.experts ?? 20_000);
  const seconds = Number(values.seconds ?? 10);
  const connections = Number(values.connections ?? 20);
  if (values.help || ![experts, seconds, connections].every((n) => Number.isInteger(n) && n > 0)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const say = (line: string) =>
    process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
  const apiNodeOptions = apiNodeOptionsOf(values['api-node-options']);
  const target = await startBenchTarget(experts, values.postgres ? 'postgres' : 'sqlite', say, {}, [
    ...apiNodeOptions,
    ...profile,
  ]);
  const lines = [
    `search comparison — ${machine()}; ${experts} experts on ${target.database}, ` +
      `indexed by the relay in ${target.syncSeconds.toFixed(0)} s`,
  ];
  let search: SearchFigures | undefined;
  let fullText: FullTextBenchFigures | undefined;
  let memory: ReturnType<typeof memoryOf> | undefined;
  try {
    search = await searchStage(target, connections, seconds, say);
    memory = memoryOf(target);
    for (const s of [search.loaded, search.single]) {
      lines.push(
        `${s.connections} connection(s): GraphQL ${s.graphql.requestsPerSecond} req/s p50 ${s.graphql.p50Ms} ms, ` +
          `raw ${s.raw.requestsPerSecond} req/s p50 ${s.raw.p50Ms} ms → ratio ${s.throughputRatio} ` +
          `(errors ${s.graphql.errors + s.raw.errors}, non-2xx ${s.graphql.non2xx + s.raw.non2xx})`,
        `  ${cpuPerSearchLine(s)}`,
      );
    }
  } finally {
    await target.close();
  }
  if (!values['no-alternative']) {
    const copy = target.databaseUrl ? undefined : await seedPostgresCopy(experts);
    try {
      fullText = await benchPostgresFullText({
        databaseUrl: target.databaseUrl ?? copy!.databaseUrl,
        inputs: searchMix(EXPERTS_INDEX).map((m) => m.input),
        connections,
        seconds,
      });
      const f = fullText.search;
      lines.push(
        `PostgreSQL full-text, ${connections} connection(s): ${f.requestsPerSecond} req/s p50 ${f.p50Ms} ms ` +
          `(errors ${f.errors}, non-2xx ${f.non2xx}; searches with hits ${fullText.coverage.withHits}/${fullText.coverage.searches})`,
      );
    } finally {
      await copy?.drop();
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (!values.profile) {
    const at = new Date().toISOString();
    const file = writeResults('search', {
      at,
      machine: machine(),
      database: target.database,
      experts,
      syncSeconds: target.syncSeconds,
      syncPeakRssMb: target.syncPeakRssMb,
      apiPeakRssMb: memory?.apiMb ?? null,
      meiliPeakRssMb: memory?.meiliMb ?? null,
      apiNodeOptions,
      search,
      fullText: fullText ?? null,
    });
    say(`written ${file}`);
  }
  return 0;
}

runCommand(main);
