import { startNode } from '../../src/common/process/child-process.js';
import { productScript } from '../support/product.js';

const MAIN = productScript('main.js');
const READY = /GraphQL ready at (http:\/\/\S+\/graphql)/;

/** A real compiled `main.js` process, as an operator runs it. */
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

/**
 * Starts the API and resolves once it logs its GraphQL URL. If the drill exits abnormally, the
 * process is killed rather than left behind.
 */
export async function startApi(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<ApiProcess> {
  const api = await startNode(MAIN, env, READY, timeoutMs, {
    name: 'the API',
    graceMs: 20_000,
    killOnExit: true,
  });
  return {
    url: api.match[1] as string,
    pid: api.child.pid ?? -1,
    output: api.output,
    kill: api.kill,
    stop: api.stop,
  };
}
