import { closePool, scratchPool } from '../../support/scratch-database.js';
import {
  buildFullTextTable,
  type FullTextBuild,
} from '../../baseline/postgres-full-text/full-text.table.js';
import { searchFullText } from '../../baseline/postgres-full-text/full-text.search.js';
import type { ExpertSearchInput } from '../../../src/search/experts/dto/expert-search.input.js';
import { load, type LoadFigures } from '../load.js';
import { rssMb, startNode } from '../../../src/common/process/child-process.js';
import type { FullTextRequest } from './full-text.server.js';

const SERVER = new URL('./full-text-server.command.js', import.meta.url).pathname;
const WARM_UP_SECONDS = 3;

export interface FullTextServer {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/** Starts the HTTP front in a process of its own, with a pool of `connections` connections. */
export async function startPostgresFullTextServer(options: {
  databaseUrl: string;
  connections: number;
}): Promise<FullTextServer> {
  const server = await startNode(
    SERVER,
    {
      FULL_TEXT_DATABASE_URL: options.databaseUrl,
      FULL_TEXT_CONNECTIONS: String(options.connections),
    },
    /ready at (\S+)/,
    30_000,
  );
  return {
    url: server.match[1] as string,
    pid: server.child.pid ?? 0,
    close: () => server.stop(),
  };
}

export interface FullTextBenchFigures {
  build: FullTextBuild;
  /** How many of the searches found someone, and how many only by the any-word relaxation. */
  coverage: { searches: number; withHits: number; relaxed: number };
  search: LoadFigures;
  serverPeakRssMb: number | null;
}

/**
 * "The alternative" of the benchmark: builds the full-text table on `databaseUrl` (a database
 * holding Kenner's schema and data), then loads its HTTP front with the same searches, at the
 * same concurrency and for as long as GraphQL and Meilisearch are loaded.
 */
export async function benchPostgresFullText(options: {
  databaseUrl: string;
  inputs: ExpertSearchInput[];
  connections: number;
  seconds: number;
}): Promise<FullTextBenchFigures> {
  const pool = scratchPool(options.databaseUrl, 1);
  let build: FullTextBuild;
  const coverage = { searches: options.inputs.length, withHits: 0, relaxed: 0 };
  try {
    build = await buildFullTextTable(pool);
    for (const input of options.inputs) {
      const result = await searchFullText(pool, input);
      if (result.totalHits > 0) coverage.withHits++;
      if (result.relaxed) coverage.relaxed++;
    }
  } finally {
    await closePool(pool);
  }
  const server = await startPostgresFullTextServer(options);
  try {
    const bodies = options.inputs.map((input) =>
      JSON.stringify({ input } satisfies FullTextRequest),
    );
    const search = await load(
      server.url,
      bodies,
      {},
      options.connections,
      options.seconds,
      WARM_UP_SECONDS,
    );
    return { build, coverage, search, serverPeakRssMb: rssMb(server.pid, 'VmHWM') };
  } finally {
    await server.close();
  }
}
