import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type RunningMeilisearch,
  startBundledMeilisearch,
} from '../../src/search/engine/bundled-meilisearch.js';
import { meilisearchClient } from '../../src/search/engine/meilisearch-client.js';
import { streamDocuments } from '../../src/search/sync/document-sender.js';

describe('streamDocuments (the reindex pipeline) on a real Meilisearch', () => {
  let dir: string;
  let engine: RunningMeilisearch;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kenner-stream-'));
    engine = await startBundledMeilisearch({ dataDir: dir });
  });
  afterAll(async () => {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes every batch, and isolates a poison document without losing its neighbours', async () => {
    const client = meilisearchClient(engine.host, engine.masterKey);
    await client.createIndex('stream', { primaryKey: 'id' }).waitTask();
    // Positions are checked only when they are filterable, as in Kenner's indexes.
    await client.index('stream').updateFilterableAttributes(['_geo']).waitTask();
    // One document with a position Meilisearch refuses, in the fifth batch.
    const documentOf = (id: string) =>
      id === 'd217'
        ? { id, _geo: { lat: 'north', lng: 6 } }
        : { id, _geo: { lat: 49.6, lng: 6.1 } };
    const batches = async function* () {
      for (let b = 0; b < 7; b++)
        yield Array.from({ length: 50 }, (_, i) => documentOf(`d${b * 50 + i}`));
    };
    // The stream keeps only ids: a failed batch is read again, as the reindex reads the database.
    const reloaded: string[][] = [];
    const reload = async (ids: string[]) => {
      reloaded.push(ids);
      return ids.map(documentOf);
    };
    const { poisoned } = await streamDocuments(client, 'stream', batches(), reload, 2);
    expect(reloaded).toEqual([Array.from({ length: 50 }, (_, i) => `d${200 + i}`)]);
    expect([...poisoned.keys()]).toEqual(['d217']);
    expect(poisoned.get('d217')).toMatch(/_geo|lat/i);
    const stats = await client.index('stream').getStats();
    expect(stats.numberOfDocuments).toBe(349);
  });
});
