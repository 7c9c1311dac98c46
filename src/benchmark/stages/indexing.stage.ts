import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import { meilisearchClient } from '../../search/engine/meilisearch-client.js';
import { EXPERTS_INDEX } from '../../search/indexes/experts.index.js';
import type { BenchTarget } from '../bench-target.js';
import { runNode } from '../processes.js';

const DIST = new URL('../..', import.meta.url).pathname;

export interface IndexingFigures {
  documents: number;
  reindexSeconds: number;
  reindexDocsPerS: number;
  rawIngestSeconds: number;
  rawIngestDocsPerS: number;
  ratio: number;
}

/**
 * A full reindex of the experts through Kenner (`search-maintenance reindex`: read, project,
 * send to a shadow index, verify, swap) against the same documents, pre-serialised, posted
 * straight into a scratch index with the same settings.
 */
export async function indexingStage(
  target: BenchTarget,
  say: (line: string) => void,
): Promise<IndexingFigures> {
  say('indexing: full reindex through Kenner');
  const out = await runNode(
    join(DIST, 'search/maintenance/search-maintenance.command.js'),
    ['reindex'],
    target.env,
  );
  const line = out.split('\n').find((l) => l.startsWith(`${EXPERTS_INDEX}:`)) ?? '';
  const [, docs, secs] = /(\d+) documents rebuilt and swapped in ([\d.]+) s/.exec(line) ?? [];
  if (!docs || !secs) throw new Error(`unexpected reindex output:\n${out}`);
  say('indexing: the same documents, pre-serialised, straight into Meilisearch');
  const meili = meilisearchClient(target.meili.host, target.meili.masterKey);
  const raw = await rawIngest(meili, EXPERTS_INDEX);
  const reindexDocsPerS = Math.round(Number(docs) / Number(secs));
  return {
    documents: Number(docs),
    reindexSeconds: Number(secs),
    reindexDocsPerS,
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
  let last = 0;
  for (const body of batches) {
    const response = await fetch(`${meili.config.host}/indexes/${target}/documents?primaryKey=id`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${meili.config.apiKey}`,
      },
      body,
    });
    last = ((await response.json()) as { taskUid: number }).taskUid;
  }
  const task = await meili.tasks.waitForTask(last, { timeout: 3_600_000, interval: 200 });
  if (task.status !== 'succeeded') throw new Error(`raw ingest failed: ${task.error?.message}`);
  const seconds = (performance.now() - started) / 1000;
  await meili.deleteIndexIfExists(target);
  return { seconds: Math.round(seconds * 10) / 10, docsPerS: Math.round(count / seconds) };
}
