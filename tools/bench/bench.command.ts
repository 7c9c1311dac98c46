import { parseArgs } from 'node:util';
import { writeResults } from './results-file.js';
import { runCommand } from '../../src/common/cli/run-command.js';
import { type BenchResults, report } from './bench-report.js';
import { apiNodeOptionsOf, memoryOf, startBenchTarget } from './bench-target.js';
import { machine } from './machine.js';
import { alternativeStage } from './stages/alternative.stage.js';
import { freshnessStage } from './stages/freshness.stage.js';
import { indexingStage } from './stages/indexing.stage.js';
import { queriesPerRequestStage } from './stages/queries-per-request.stage.js';
import { searchStage } from './stages/search.stage.js';

const USAGE = `usage: npm run bench -- [--full] [--postgres] [--experts N] [--seconds S] [--connections C] [--api-node-options="--flag ..."]
  quick (default): 20,000 experts; --full: 100,000; --postgres: the API on a scratch PostgreSQL database
  --api-node-options: Node options for the API under test (to try a heap limit, say), recorded in the results`;

/**
 * `npm run bench`: Kenner against the limits of its own parts, in one run on this machine —
 * reindex vs raw ingest into Meilisearch, GraphQL search vs the same requests sent straight to
 * Meilisearch at the same concurrency, freshness under steady writes, SQL statements per
 * request, peak memory. Prints a table, writes JSON under docs/benchmarks/. Ratios from one run
 * matter; absolute times on small machines are noisy. Asserts nothing.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      full: { type: 'boolean' },
      postgres: { type: 'boolean' },
      experts: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      'api-node-options': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const experts = Number(values.experts ?? (values.full ? 100_000 : 20_000));
  const seconds = Number(values.seconds ?? 15);
  const connections = Number(values.connections ?? 20);
  if (values.help || ![experts, seconds, connections].every((n) => Number.isInteger(n) && n > 0)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const say = (line: string) => process.stderr.write(`[${clock()}] ${line}\n`);
  const apiNodeOptions = apiNodeOptionsOf(values['api-node-options']);
  const target = await startBenchTarget(
    experts,
    values.postgres ? 'postgres' : 'sqlite',
    say,
    {},
    apiNodeOptions,
  );
  try {
    const indexing = await indexingStage(target, say);
    const search = await searchStage(target, connections, seconds, say);
    const freshness = await freshnessStage(target, 10, 20, say);
    const queriesPerRequest = await queriesPerRequestStage(target, say);
    const memory = memoryOf(target);
    const alternative = await alternativeStage(target, connections, seconds, say);
    const results: BenchResults = {
      at: new Date().toISOString(),
      machine: machine(),
      database: target.database,
      experts,
      apiNodeOptions,
      setup: {
        seedSeconds: target.seedSeconds,
        syncSeconds: target.syncSeconds,
        syncPeakRssMb: target.syncPeakRssMb,
      },
      indexing,
      search,
      freshness,
      queriesPerRequest,
      memory: { apiPeakRssMb: memory.apiMb, meilisearchPeakRssMb: memory.meiliMb },
      alternative,
    };
    process.stdout.write(report(results));
    const file = writeResults('bench', results);
    say(`written ${file}`);
    return 0;
  } finally {
    await target.close();
  }
}

const clock = () => new Date().toISOString().slice(11, 19);

runCommand(main);
