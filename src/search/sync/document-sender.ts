import type { Meilisearch, Task } from 'meilisearch';
import type { KennerMeilisearch } from '../engine/meilisearch-client.js';

export interface SendResult {
  /** Documents that Meilisearch refused, with its error, found by splitting the batch. */
  poisoned: Map<string, string>;
}

/**
 * Sends full replacements and deletions and waits until Meilisearch reports each task done.
 * A failed addition is split in halves until the bad documents are isolated, so one poison
 * document never holds back the rest of its batch; the poison documents are deleted from the index.
 * Network errors propagate: the caller backs off.
 */
export async function sendDocuments(
  client: KennerMeilisearch,
  indexUid: string,
  documents: { id: string }[],
  deletions: string[],
): Promise<SendResult> {
  const poisoned = new Map<string, string>();
  const add = async (batch: { id: string }[]): Promise<void> => {
    if (batch.length === 0) return;
    const { taskUid } = await client.addDocumentsInParts(indexUid, batch);
    const task = await processedTask(client, taskUid, 60_000);
    if (task.status === 'succeeded') return;
    if (batch.length === 1) {
      poisoned.set((batch[0] as { id: string }).id, task.error?.message ?? task.status);
      return;
    }
    const middle = Math.ceil(batch.length / 2);
    await add(batch.slice(0, middle));
    await add(batch.slice(middle));
  };
  await add(documents);
  // A refused document must not stay searchable in its previous state (an expert made STAFF-only
  // still PUBLIC in the index): it is removed, and comes back once a version of it is accepted.
  await deleteDocuments(client, indexUid, [...deletions, ...poisoned.keys()]);
  return { poisoned };
}

/** Deletes documents and waits until Meilisearch reports it done; a failed deletion throws. */
export async function deleteDocuments(
  client: Meilisearch,
  indexUid: string,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  const { taskUid } = await client.index(indexUid).deleteDocuments(ids);
  const task = await processedTask(client, taskUid, 60_000);
  if (task.status !== 'succeeded')
    throw new Error(`deletion failed: ${task.error?.message ?? task.status}`);
}

/**
 * Sends batches as they are read, keeping up to `window` of them enqueued in the engine: while
 * Meilisearch indexes, the next batches are read from the database, and consecutive additions
 * get merged into one indexing run by the engine (the wider the window, the larger the runs).
 * Only the ids of an enqueued batch are kept: a failed batch is read again through `reload` and
 * sent through `sendDocuments`, which isolates its poison documents. Documents gone by then are
 * simply not sent (a reindex's catch-up compares both sides afterwards).
 */
export async function streamDocuments(
  client: KennerMeilisearch,
  indexUid: string,
  batches: AsyncIterable<{ id: string }[]>,
  reload: (ids: string[]) => Promise<{ id: string }[]>,
  window = 8,
): Promise<SendResult> {
  const poisoned = new Map<string, string>();
  const inFlight: { taskUid: number; ids: string[] }[] = [];
  const settle = async () => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    const task = await processedTask(client, oldest.taskUid, 300_000);
    if (task.status === 'succeeded') return;
    const retried = await sendDocuments(client, indexUid, await reload(oldest.ids), []);
    for (const [id, error] of retried.poisoned) poisoned.set(id, error);
  };
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    const { taskUid } = await client.addDocumentsInParts(indexUid, batch);
    inFlight.push({ taskUid, ids: batch.map((d) => d.id) });
    if (inFlight.length >= window) await settle();
  }
  while (inFlight.length) await settle();
  return { poisoned };
}

const DONE = new Set(['succeeded', 'failed', 'canceled']);
/** The longest wait between two questions to the engine, the library's own interval. */
const MAX_ASK_EVERY_MS = 50;

/**
 * Waits until the engine has processed a task, asking every 5 ms at first, then less often up to
 * every 50 ms. Why not the library's `waitForTask`, which asks every 50 ms: a one-document change
 * takes the engine a few tens of milliseconds, and the relay's next round, which carries the
 * writes made meanwhile, starts only once this task is seen done, so up to 50 ms were added to
 * every write's way into search. A long task (a first sync's batches) is asked about every 50 ms,
 * as before. Throws when `timeoutMs` passes first.
 */
export async function processedTask(
  client: Meilisearch,
  taskUid: number,
  timeoutMs: number,
): Promise<Task> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 5; ; wait = Math.min(wait * 2, MAX_ASK_EVERY_MS)) {
    const task = await client.tasks.getTask(taskUid);
    if (DONE.has(task.status)) return task;
    if (Date.now() + wait > deadline)
      throw new Error(`task ${taskUid} not processed within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
