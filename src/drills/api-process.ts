import { type ChildProcess, spawn } from 'node:child_process';

const MAIN = new URL('../main.js', import.meta.url).pathname;
const READY = /GraphQL ready at (http:\/\/\S+\/graphql)/;

/** A real `dist/main.js` process, as an operator runs it. */
export interface ApiProcess {
  url: string;
  pid: number;
  /** The last lines it logged, for a failure report. */
  output(): string;
  /** `kill -9`: no shutdown hook runs, nothing is flushed or stopped. */
  kill(): Promise<void>;
  /** SIGTERM: the orderly shutdown (SIGKILL after 20 s). */
  stop(): Promise<void>;
}

export interface Health {
  search: 'up' | 'down';
  outbox: { pending: number; parked: number };
}

/** Children still running when the drill exits abnormally are killed, not left behind. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Starts the API and resolves once it logs its GraphQL URL. */
export function startApi(env: Record<string, string>, timeoutMs = 120_000): Promise<ApiProcess> {
  const child = spawn(process.execPath, [MAIN], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      children.delete(child);
      resolve();
    }),
  );
  let output = '';
  const onData = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const api = (url: string): ApiProcess => ({
    url,
    pid: child.pid ?? -1,
    output: () => output,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
    },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the API did not start within ${timeoutMs} ms:\n${output.slice(-3000)}`));
    }, timeoutMs);
    const watch = () => {
      const ready = READY.exec(output);
      if (!ready?.[1]) return;
      clearTimeout(timer);
      child.stdout.off('data', watch);
      child.stderr.off('data', watch);
      resolve(api(ready[1]));
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the API exited before it was ready:\n${output.slice(-3000)}`));
    });
  });
}

/** `/health`, which answers 503 (with the same body) while the engine is down. */
export async function healthOf(api: ApiProcess): Promise<Health> {
  const response = await fetch(api.url.replace(/\/graphql$/, '/health'));
  const body = (await response.json()) as {
    search: { status: Health['search'] };
    outbox: Health['outbox'] | null;
  };
  if (!body.outbox) throw new Error(`the database is down: ${JSON.stringify(body)}`);
  return { search: body.search.status, outbox: body.outbox };
}
