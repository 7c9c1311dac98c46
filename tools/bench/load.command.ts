import { parseArgs } from 'node:util';
import { writeResults } from './results-file.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { startBenchTarget } from './bench-target.js';
import { machine } from './machine.js';
import { load } from './load.js';
import { runCommand } from '../../src/common/cli/run-command.js';
import { rssMb } from '../../src/common/process/child-process.js';
import { searchMix } from './search-mix.js';

const USAGE = `usage: npm run load -- [--seconds 60] [--connections 200] [--experts 20000] [--postgres]`;

/**
 * `npm run load`: the mixed search load through GraphQL for a minute at 200 concurrent
 * connections. Errors must be 0 (exits 1 otherwise); prints p50/p99 and the API's resident
 * memory before, right after and once settled, to show whether it comes back down.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string' },
      connections: { type: 'string' },
      experts: { type: 'string' },
      postgres: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  const seconds = Number(values.seconds ?? 60);
  const connections = Number(values.connections ?? 200);
  const experts = Number(values.experts ?? 20_000);
  if (values.help || ![seconds, connections, experts].every((n) => Number.isInteger(n) && n > 0)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const target = await startBenchTarget(experts, values.postgres ? 'postgres' : 'sqlite', say);
  try {
    const pid = target.api.child.pid ?? 0;
    const bodies = searchMix(EXPERTS_INDEX).map((m) => m.graphql);
    await load(target.url, bodies, {}, 4, 3); // warm the caches and the JIT, not the heap
    const before = rssMb(pid, 'VmRSS');
    say(`load: ${bodies.length} searches round-robin, ${connections} connections, ${seconds} s`);
    const figures = await load(target.url, bodies, {}, connections, seconds);
    const after = rssMb(pid, 'VmRSS');
    await new Promise((r) => setTimeout(r, 10_000));
    const settled = rssMb(pid, 'VmRSS');
    const results = {
      at: new Date().toISOString(),
      machine: machine(),
      database: target.database,
      experts,
      connections,
      seconds,
      ...figures,
      apiRssMb: { before, after, settled10s: settled, peak: rssMb(pid, 'VmHWM') },
    };
    process.stdout.write(
      [
        `Kenner load — ${results.at}, ${results.machine}`,
        `${experts} experts on ${target.database}; ${connections} connections for ${seconds} s on the mixed search`,
        `requests ${figures.requests} (${figures.requestsPerSecond}/s)   errors ${figures.errors}   non-2xx ${figures.non2xx}` +
          `   p50 ${figures.p50Ms} ms   p99 ${figures.p99Ms} ms`,
        `API RSS before ${before} MB, right after ${after} MB, 10 s later ${settled} MB (peak ${results.apiRssMb.peak} MB)`,
      ].join('\n') + '\n',
    );
    const file = writeResults('load', results);
    say(`written ${file}`);
    return figures.errors + figures.non2xx === 0 ? 0 : 1;
  } finally {
    await target.close();
  }
}

runCommand(main);
