import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  localMasterKey,
  runningBundledMeilisearch,
  startBundledMeilisearch,
} from '../../src/search/engine/bundled-meilisearch.js';
import { stopOrphanedBundledMeilisearch } from '../../src/search/engine/orphaned-meilisearch.js';
import { ROOT } from '../support/app-process.js';

const alive = (pid: number): boolean => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('meilisearch');
  } catch {
    return false;
  }
};

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const answers = async (host: string): Promise<boolean> =>
  fetch(`${host}/health`).then(
    (r) => r.ok,
    () => false,
  );

describe('the bundled Meilisearch', () => {
  it('starts with a master key that begins with "-" (once 1 start in 64 failed on it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenner-dash-key-'));
    try {
      mkdirSync(join(dir, 'meilisearch'), { recursive: true });
      writeFileSync(join(dir, 'meilisearch', 'master-key'), '-1dash-first-key-0123456789abcdef\n');
      const server = await startBundledMeilisearch({ dataDir: dir });
      try {
        const keys = await fetch(`${server.host}/keys`, {
          headers: { authorization: `Bearer ${server.masterKey}` },
        });
        expect(keys.status).toBe(200);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps its master key off the command line: `ps` and /proc/<pid>/cmdline never show it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenner-hidden-key-'));
    const server = await startBundledMeilisearch({ dataDir: dir });
    try {
      const cmdline = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8');
      expect(cmdline).toContain('data.ms'); // it is the engine's command line
      expect(cmdline).not.toContain(server.masterKey);
      expect(cmdline).not.toContain('master-key');
      // The key is still the engine's: without it the engine refuses, with it it answers.
      expect((await fetch(`${server.host}/keys`)).status).toBe(401);
      const keys = await fetch(`${server.host}/keys`, {
        headers: { authorization: `Bearer ${server.masterKey}` },
      });
      expect(keys.status).toBe(200);
      // Its environment (readable by its owner only) holds the key and none of Kenner's settings.
      const names = readFileSync(`/proc/${server.pid}/environ`, 'utf8')
        .split('\0')
        .filter(Boolean)
        .map((entry) => entry.slice(0, entry.indexOf('=')));
      expect(names).toContain('MEILI_MASTER_KEY');
      expect(names.filter((n) => !['PATH', 'HOME', 'TMPDIR', 'TZ', 'LANG'].includes(n))).toEqual([
        'MEILI_MASTER_KEY',
      ]);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('generates master keys no command line can mistake for an option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenner-new-key-'));
    try {
      expect(localMasterKey(join(dir, 'meilisearch'))).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is started again, on the same address, when it is killed; not after stop()', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenner-supervised-'));
    const events: string[] = [];
    const server = await startBundledMeilisearch({ dataDir: dir, onEvent: (m) => events.push(m) });
    try {
      const first = server.pid;
      process.kill(first, 'SIGKILL');
      await until(async () => server.pid !== first && (await answers(server.host)));
      expect(server.restarts).toBe(1);
      expect(alive(first)).toBe(false);
      expect(events.join('\n')).toMatch(
        /exited unexpectedly \(SIGKILL\)[\s\S]*restarted \(pid \d+\)/,
      );
      // The command-line tools find it where they found it before.
      expect(await runningBundledMeilisearch(dir)).toMatchObject({ host: server.host });
    } finally {
      await server.stop();
    }
    const last = server.pid;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(alive(last)).toBe(false);
    expect(server.restarts).toBe(1);
    expect(await answers(server.host)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it('stops the engine a killed process left behind, so a new start owns its engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenner-orphan-'));
    // A process that starts the engine and is then killed with SIGKILL, as the OOM killer would.
    const launcher = join(ROOT, 'dist', 'search', 'engine', 'bundled-meilisearch.js');
    const owner = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(launcher)});
         const s = await m.startBundledMeilisearch({ dataDir: ${JSON.stringify(dir)} });
         console.log('engine ' + s.pid); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const engine = await new Promise<number>((resolve, reject) => {
        owner.stdout.on('data', (chunk: Buffer) => {
          const pid = /engine (\d+)/.exec(chunk.toString())?.[1];
          if (pid) resolve(Number(pid));
        });
        owner.once('exit', (code) => reject(new Error(`launcher exited with ${code}`)));
      });
      expect(await stopOrphanedBundledMeilisearch(dir)).toBeNull(); // its owner is alive
      owner.kill('SIGKILL');
      await new Promise((resolve) => owner.once('exit', resolve));
      expect(alive(engine)).toBe(true); // orphaned: nothing stopped it
      expect(await stopOrphanedBundledMeilisearch(dir)).toBe(engine);
      expect(alive(engine)).toBe(false);
      expect(await runningBundledMeilisearch(dir)).toBeNull();
      const next = await startBundledMeilisearch({ dataDir: dir });
      await next.stop();
    } finally {
      owner.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
