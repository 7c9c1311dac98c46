import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ROOT } from '../support/app-process.js';
import { postgresUrl } from '../support/test-database.js';

const DRILL = join(ROOT, 'dist-tools', 'tools', 'drills', 'drill.command.js');
// A reduced drill for CI time (`npm run drill` runs the full one): enough for writes before, during
// and after each fault.
const WRITES = 150;

/** Runs the compiled drill command to its end, as `npm run drill` does. */
function runDrill(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [DRILL, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

/** Each drill's block of the report, from its heading to the next one. */
function block(stdout: string, heading: string): string {
  const start = stdout.indexOf(heading);
  if (start < 0) throw new Error(`no "${heading}" in:\n${stdout}`);
  const rest = stdout.slice(start);
  const end = rest.search(/\n\S/);
  return end < 0 ? rest : rest.slice(0, end);
}

/**
 * A reduced fault drill (150 writes per fault) on this run's database: real API processes, the
 * bundled Meilisearch killed, the API killed mid-batch, and on PostgreSQL three writers. It must
 * end with every acknowledged write in place and the index equal to the database.
 */
describe('npm run drill (reduced)', () => {
  const database = postgresUrl() ? 'postgres' : 'sqlite';
  const drills =
    database === 'postgres'
      ? ['engine-kill', 'api-kill', 'three-writers']
      : ['engine-kill', 'api-kill'];

  it(`loses and duplicates no write on ${database}`, async () => {
    const args = ['--writes', String(WRITES), `--${database}`];
    if (database === 'postgres') args.push('--postgres-url', postgresUrl() ?? '');
    const { code, stdout, stderr } = await runDrill(args);
    if (code !== 0)
      throw new Error(`drill exited with ${code}:\n${stdout}\n${stderr.slice(-3000)}`);
    for (const drill of drills) {
      const report = block(stdout, `${drill} on ${database}: `);
      expect(report).toMatch(new RegExp(`^${drill} on ${database}: PASS`));
      const [, writes, acknowledged] = /writes (\d+): (\d+) acknowledged/.exec(report) ?? [];
      expect(Number(writes)).toBe(WRITES);
      expect(Number(acknowledged)).toBeGreaterThan(WRITES * 0.9);
      expect(report).toContain('lost 0, torn 0, duplicates 0');
      expect(report).toContain('drift experts 0, organisations 0, technologies 0');
      expect(report).not.toContain(' ! ');
    }
    expect(block(stdout, `engine-kill on ${database}`)).toMatch(
      /SIGKILLed after \d+ writes; answering again [\d.]+ s later \(pid \d+, restarted by the API\); [1-9]\d* writes sent and acknowledged while it was down/,
    );
    expect(block(stdout, `api-kill on ${database}`)).toMatch(
      /API \(pid \d+\) SIGKILLed after \d+ writes, with [1-9]\d* documents pending/,
    );
    expect(stdout).toMatch(
      new RegExp(`summary: ${drills.length} drills .* lost 0, torn 0, duplicates 0, drift 0; PASS`),
    );
  }, 240_000);
});
