import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'dist', 'main.js');

export interface AppProcess {
  url: string;
  output: () => string;
  stop(): Promise<number | null>;
}

/** The compiled app just spawned, ready or not (for a test that stops it during its start). */
export interface LaunchedApp {
  pid: number;
  output: () => string;
  /** SIGTERM, then SIGKILL after 10 s; resolves with the exit code (null when killed). */
  stop(): Promise<number | null>;
  child: ChildProcess;
}

/** Spawns the compiled app (`dist/main.js`) as a user would, without waiting for anything. */
export function launchAppProcess(env: Record<string, string>): LaunchedApp {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NO_COLOR: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      // Tests send many requests from one address; a test of rate limits sets its own.
      RATE_LIMIT_ANONYMOUS: '0',
      RATE_LIMIT_KEYED: '0',
      SEARCH_TOKEN_LIMIT: '0',
      WS_CONNECTION_LIMIT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { pid: child.pid ?? -1, output: () => output, stop: () => stopProcess(child), child };
}

/**
 * Starts the compiled app (`dist/main.js`, built by `npm test`'s pretest step) as a user would,
 * and resolves once it logs that GraphQL is ready.
 */
export function startAppProcess(
  env: Record<string, string>,
  timeoutMs = 90_000,
): Promise<AppProcess> {
  const launched = launchAppProcess(env);
  const { child, output } = launched;
  const stop = () => launched.stop();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`app did not start within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const onData = () => {
      const ready = /GraphQL ready at (http:\/\/[\w.:/-]+)/.exec(output());
      if (ready?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stderr?.off('data', onData);
        resolve({ url: ready[1], output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before it was ready:\n${output()}`));
    });
  });
}

/** Runs the compiled app to its exit (for start-up failures) and returns code and output. */
export function runAppToExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  return runCommandToExit('main.js', [], { PORT: '0', ...env });
}

/**
 * Runs a compiled command as its `npm run` script does after building, e.g.
 * `runCommandToExit('auth/keys.command.js', ['list'], env)` for `npm run keys -- list`.
 */
export function runCommandToExit(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

/** Waits until the app has logged a line matching `pattern`; fails with its output otherwise. */
export async function waitForOutput(
  app: AppProcess,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(app.output());
    if (match) return match;
    if (Date.now() > deadline)
      throw new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${app.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopProcess(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', (code) => {
      clearTimeout(kill);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

export async function postGraphQL(url: string, query: string, key?: string): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return response.json();
}
