import type { Meilisearch } from 'meilisearch';
import { type ApiProcess, healthOf } from './api-process.js';

/** Polls `check` until it returns a value, or fails after `timeoutMs` saying what was awaited. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    try {
      const value = await check();
      if (value !== null && value !== undefined) return value;
    } catch (error) {
      lastError = `: ${(error as Error).message}`;
    }
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs / 1000} s${lastError}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Waits until every process reports nothing pending in the outbox and Meilisearch has no task
 * left to run; returns the seconds it took and the parked documents (which must be none).
 */
export async function converge(
  apis: ApiProcess[],
  meili: () => Promise<Meilisearch>,
  timeoutMs = 120_000,
): Promise<{ seconds: number; parked: number }> {
  const started = performance.now();
  const parked = await waitFor(
    'outbox drained on every process',
    async () => {
      const all = await Promise.all(apis.map(healthOf));
      const busy = all.some((h) => h.outbox.pending > 0 || h.search !== 'up');
      return busy ? null : Math.max(...all.map((h) => h.outbox.parked));
    },
    timeoutMs,
  );
  const client = await meili();
  await waitFor(
    'Meilisearch idle',
    async () => {
      const tasks = await client.tasks.getTasks({ statuses: ['enqueued', 'processing'], limit: 1 });
      return tasks.total === 0 ? true : null;
    },
    timeoutMs,
  );
  return { seconds: (performance.now() - started) / 1000, parked };
}
