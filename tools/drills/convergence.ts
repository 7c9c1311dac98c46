import type { Meilisearch } from 'meilisearch';
import { waitFor } from '../support/wait-for.js';
import { waitForOutboxDrained } from '../support/health-client.js';
import type { ApiProcess } from './api-process.js';

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
  const { parked } = await waitForOutboxDrained(
    apis.map((api) => api.url),
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
