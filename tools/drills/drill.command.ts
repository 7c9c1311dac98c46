import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { runCommand } from '../../src/common/cli/run-command.js';
import { postgresAdminUrl as defaultPostgresAdminUrl } from '../support/scratch-database.js';
import { apiKillDrill } from './api-kill.drill.js';
import { printResult, printSummary } from './drill-report.js';
import { abandonDrills, type DrillResult, type DrillSettings } from './drill-run.js';
import { engineKillDrill } from './engine-kill.drill.js';
import type { DatabaseKind } from './scratch.js';
import { threeWritersDrill } from './three-writers.drill.js';

const USAGE = `usage: npm run drill -- [--sqlite] [--postgres] [--writes N] [--concurrency C]
       [--only engine-kill,api-kill,three-writers] [--postgres-url postgres://…/postgres]
Runs fault drills against real API processes on scratch data (loopback only) and checks that no
acknowledged write was lost or duplicated. Default: every drill on SQLite, then on PostgreSQL.`;

const CHECKS = [
  'checked after each drill, once every outbox is empty and Meilisearch idle:',
  '  - every acknowledged create in the database exactly once; every acknowledged delete gone',
  "  - an expert's columns, and its skills, each hold one write's whole value; no write acknowledged after that one ended is missing",
  '  - refused writes nowhere; writes in doubt (no answer: the process died) whole or absent',
  '  - every index equal to the database by id and content hash (drift, before any repair); one document per expert',
];

const DRILLS: Record<
  string,
  { run: (s: DrillSettings) => Promise<DrillResult>; on: DatabaseKind[] }
> = {
  'engine-kill': { run: engineKillDrill, on: ['sqlite', 'postgres'] },
  'api-kill': { run: apiKillDrill, on: ['sqlite', 'postgres'] },
  // Several processes on one SQLite file is not a supported deployment: no advisory lock.
  'three-writers': { run: threeWritersDrill, on: ['postgres'] },
};

/** `npm run drill`: exits 0 when every drill passed, 1 on any loss, duplicate or drift. */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sqlite: { type: 'boolean' },
      postgres: { type: 'boolean' },
      writes: { type: 'string', default: '2000' },
      concurrency: { type: 'string', default: '4' },
      only: { type: 'string' },
      'postgres-url': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const writes = Number(values.writes);
  const concurrency = Number(values.concurrency);
  const only = values.only?.split(',') ?? Object.keys(DRILLS);
  const unknown = only.filter((name) => !DRILLS[name]);
  if (values.help || !(writes >= 10) || !(concurrency >= 1) || unknown.length) {
    process.stderr.write(
      `${unknown.length ? `unknown drill: ${unknown.join(', ')}\n` : ''}${USAGE}\n`,
    );
    return 2;
  }
  const kinds: DatabaseKind[] =
    values.sqlite || values.postgres
      ? [
          ...(values.sqlite ? ['sqlite' as const] : []),
          ...(values.postgres ? ['postgres' as const] : []),
        ]
      : ['sqlite', 'postgres'];
  const postgresAdminUrl = values['postgres-url'] ?? defaultPostgresAdminUrl();
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  process.stdout.write(
    `fault drills: ${writes} writes each, ${concurrency} in flight, on ${kinds.join(' and ')}; ` +
      `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}\n`,
  );
  process.stdout.write(`${CHECKS.join('\n')}\n`);
  const results: DrillResult[] = [];
  let failures = 0;
  for (const kind of kinds) {
    for (const name of only) {
      const drill = DRILLS[name];
      if (!drill?.on.includes(kind)) continue;
      say(`${name} on ${kind}…`);
      try {
        const result = await drill.run({ kind, writes, concurrency, postgresAdminUrl, say });
        printResult(result);
        results.push(result);
        if (result.verdict.problems.length || result.cleanupError) failures++;
      } catch (error) {
        failures++;
        process.stdout.write(`${name} on ${kind}: FAILED to run: ${(error as Error).message}\n`);
      }
    }
  }
  printSummary(results, failures, (performance.now() - started) / 1000);
  return failures ? 1 : 0;
}

process.once('SIGINT', () => {
  process.stderr.write("interrupted: stopping the drills' processes\n");
  void abandonDrills().then(() => process.exit(130));
});

runCommand(main);
