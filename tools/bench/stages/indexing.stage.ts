import type { Meilisearch } from 'meilisearch';
import { meilisearchClient } from '../../../src/search/engine/meilisearch-client.js';
import { EXPERTS_INDEX } from '../../../src/search/indexes/experts.index.js';
import type { BenchTarget } from '../bench-target.js';
import { productScript } from '../../support/product.js';
import { runNode } from '../../../src/common/process/child-process.js';

export interface IndexingFigures {
  documents: number;
  /** Reading, projecting and indexing every document: compared with the raw ingest. */
  reindexSeconds: number;
  reindexDocsPerS: number;
  /** The whole command: the above plus verification against the database, swap, reconcile. */
  reindexWithVerificationSeconds: number;
  rawIngestSeconds: number;
  rawIngestDocsPerS: number;
  ratio: number;
}

/**
 * A full reindex of the experts through Kenner (`search-maintenance reindex`: read, project,
 * send to a shadow index, verify, swap) against the same documents, pre-serialised, posted
 * straight into a scratch index with the same settings. The rate compares like with like: the
 * reindex's indexing phase against the raw ingest; the verification that follows it (a second
 * read of both sides, swap, reconcile) is reported beside it.
 */
export async function indexingStage(
  target: BenchTarget,
  say: (line: string) => void,
): Promise<IndexingFigures> {
  say('indexing: full reindex through Kenner');
  const out = await runNode(
    productScript('search/maintenance/search-maintenance.command.js'),
    ['reindex'],
    target.env,
  );
  const line = out.split('\n').find((l) => l.startsWith(`${EXPERTS_INDEX}:`)) ?? '';
  const [, docs, total, streamed] =
    /(\d+) documents rebuilt and swapped in ([\d.]+) s \(indexed in ([\d.]+) s/.exec(line) ?? [];
  if (!docs || !total || !streamed) throw new Error(`unexpected reindex output:\n${out}`);
  say('indexing: the same documents, pre-serialised, straight into Meilisearch');
  const meili = meilisearchClient(target.meili.host, target.meili.masterKey);
  const raw = await rawIngest(meili, EXPERTS_INDEX);
  const reindexDocsPerS = Math.round(Number(docs) / Number(streamed));
  return {
    documents: Number(docs),
    reindexSeconds: Number(streamed),
    reindexDocsPerS,
    reindexWithVerificationSeconds: Number(total),
    rawIngestSeconds: raw.seconds,
    rawIngestDocsPerS: raw.docsPerS,
    ratio: Math.round((reindexDocsPerS / raw.docsPerS) * 100) / 100,
  };
}

/** Copies the live index's documents and settings into a scratch index, timing the ingest only. */
async function rawIngest(
  meili: Meilisearch,
  uid: string,
): Promise<{ seconds: number; docsPerS: number }> {
  const batches: string[] = [];
  let count = 0;
  for (let offset = 0; ; offset += 1000) {
    const page = await meili.index(uid).getDocuments({ offset, limit: 1000 });
    if (page.results.length === 0) break;
    batches.push(JSON.stringify(page.results));
    count += page.results.length;
  }
  const target = `${uid}__bench_raw`;
  await meili.deleteIndexIfExists(target);
  await meili.createIndex(target, { primaryKey: 'id' }).waitTask();
  await meili
    .index(target)
    .updateSettings(await meili.index(uid).getSettings())
    .waitTask({ timeout: 120_000 });
  const started = performance.now();
  // Raw HTTP, not the client: the bodies are already serialised, which is the point.
  const tasks: number[] = [];
  for (const body of batches) {
    const response = await fetch(`${meili.config.host}/indexes/${target}/documents?primaryKey=id`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${meili.config.apiKey}`,
      },
      body,
    });
    if (!response.ok) throw new Error(`raw ingest refused: ${await response.text()}`);
    tasks.push(((await response.json()) as { taskUid: number }).taskUid);
  }
  for (const uid of tasks) {
    const task = await meili.tasks.waitForTask(uid, { timeout: 3_600_000, interval: 200 });
    if (task.status !== 'succeeded') throw new Error(`raw ingest failed: ${task.error?.message}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const { numberOfDocuments } = await meili.index(target).getStats();
  if (numberOfDocuments !== count)
    throw new Error(`raw ingest holds ${numberOfDocuments} of ${count} documents`);
  await meili.deleteIndexIfExists(target);
  return { seconds: Math.round(seconds * 10) / 10, docsPerS: Math.round(count / seconds) };
}
