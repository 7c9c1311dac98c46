import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** A `node` process started by {@link startNode}, once it said it was ready. */
export interface Started {
  child: ChildProcess;
  /** The first match of `ready` in its output. */
  match: RegExpExecArray;
  /** The last 20 kB it wrote (stdout and stderr), for a failure report. */
  output: () => string;
  /** SIGTERM, then waits for the exit (SIGKILL after the grace period). */
  stop: () => Promise<void>;
  /** `kill -9`: no shutdown hook runs; resolves once it exited. */
  kill: () => Promise<void>;
}

export interface StartNodeOptions {
  /** For messages; the script's path by default. */
  name?: string;
  /** How long `stop()` waits after SIGTERM before SIGKILL; 10 s by default. */
  graceMs?: number;
  /** SIGKILL it if this process exits first (normally or on an uncaught error). */
  killOnExit?: boolean;
  /** Options for Node itself (`--cpu-prof`, which NODE_OPTIONS does not accept). */
  nodeArgs?: string[];
}

const OUTPUT_TAIL = 20_000;

/** Starts `node <script>` and resolves once its output matches `ready`; kills it if it never does. */
export function startNode(
  script: string,
  env: Record<string, string>,
  ready: RegExp,
  timeoutMs: number,
  options: StartNodeOptions = {},
): Promise<Started> {
  const name = options.name ?? script;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (options.killOnExit) {
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Always read both pipes: a full pipe would block the child's logging.
  let output = '';
  const onData = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_TAIL));
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const started = (match: RegExpExecArray): Started => ({
    child,
    match,
    output: () => output,
    stop: () => stopChild(child, options.graceMs ?? 10_000),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} was not ready within ${timeoutMs} ms:\n${output.slice(-3000)}`));
    }, timeoutMs);
    const watch = () => {
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', watch);
      child.stderr.off('data', watch);
      resolve(started(match));
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready:\n${output.slice(-3000)}`));
    });
  });
}

/** Runs `node <script> <args>` to its end; returns its standard output. */
export function runNode(
  script: string,
  args: string[],
  env: Record<string, string>,
): Promise<string> {
  const child = spawn(process.execPath, [script, ...args], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${script}: ${err}`)),
    ),
  );
}

/**
 * SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves once it exited.
 * (`ChildProcess.kill` ignores a process already gone.)
 */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Stops a process that is not our child: SIGTERM, then SIGKILL after `graceMs`, then waits as
 * long again before giving up. `running` says whether the pid is still the process meant (by
 * default: it exists and is not a zombie); pass a stricter test where the pid may be reused.
 * Returns whether it was running. A process that ends meanwhile (ESRCH) is simply gone.
 */
export async function stopPid(
  pid: number,
  graceMs: number,
  running: (pid: number) => boolean = isRunning,
): Promise<boolean> {
  if (!running(pid)) return false;
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    signalPid(pid, signal);
    const deadline = Date.now() + graceMs;
    while (running(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    if (!running(pid)) return true;
  }
  throw new Error(`process ${pid} would not stop`);
}

/** Exists and has not exited (a zombie, exited but not yet reaped, still answers signal 0). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, it is just not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // "pid (comm) state …"; comm may hold spaces and parentheses, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** The pid of the process whose command line contains `fragment` (the bundled engine). */
export function pidOf(fragment: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(fragment)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

/** Resident memory of a process in MB (Linux): now (`VmRSS`) or at its peak (`VmHWM`). */
export function rssMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}
