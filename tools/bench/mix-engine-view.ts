import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source.options.js';
import { meilisearchClient } from '../../src/search/engine/meilisearch-client.js';
import {
  type NearbyOrganisations,
  organisationsNear,
} from '../../src/search/experts/nearby-organisations.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { ORGANISATIONS_INDEX } from '../../src/search/indexes/organisations.index.js';
import {
  QueryUnderstanding,
  type UnderstoodQuery,
} from '../../src/search/understanding/query-understanding.service.js';
import type { BenchTarget } from './bench-target.js';
import { type MixEngineView, searchMix } from './search-mix.js';

/**
 * Reads, from the bench target's engine and database, what Kenner reads before it searches: the
 * organisations within each `near` of the mix, and what each query names (with Kenner's own
 * `QueryUnderstanding` on the same tables). With it, the mix's raw requests are the ones Kenner
 * sends: narrowed to the named techniques, graded, with the person probe beside them.
 */
export async function mixEngineView(target: BenchTarget): Promise<MixEngineView> {
  const client = meilisearchClient(target.meili.host, target.meili.masterKey);
  const inputs = searchMix(EXPERTS_INDEX).map((m) => m.input);
  const reach = new Map<string, NearbyOrganisations>();
  for (const { near } of inputs)
    if (near)
      reach.set(JSON.stringify(near), await organisationsNear(client, ORGANISATIONS_INDEX, near));
  const db = new DataSource(
    buildDataSourceOptions({
      DATABASE_URL: target.databaseUrl ?? '',
      DATA_DIR: target.env.DATA_DIR as string,
      LOG_SQL: false,
    }),
  );
  await db.initialize();
  const readings = new Map<string, UnderstoodQuery | null>();
  try {
    const understanding = new QueryUnderstanding(db);
    for (const { query } of inputs)
      if (query) readings.set(query, await understanding.understand(query));
  } finally {
    await db.destroy();
  }
  return {
    organisationsIndex: ORGANISATIONS_INDEX,
    of: (near) => reach.get(JSON.stringify(near)) ?? { positions: new Map(), bands: [] },
    understood: (query) => (query ? (readings.get(query) ?? null) : null),
  };
}
