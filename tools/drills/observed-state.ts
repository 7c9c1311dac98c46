import 'reflect-metadata';
import type { Meilisearch } from 'meilisearch';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source.options.js';
import { runningBundledMeilisearch } from '../../src/search/engine/bundled-meilisearch.js';
import { indexUid } from '../../src/search/engine/index-uid.js';
import { meilisearchClient } from '../../src/search/engine/meilisearch-client.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { SEARCH_INDEXES } from '../../src/search/indexes/search-indexes.js';
import { compareIndex, type Drift } from '../../src/search/maintenance/index-comparison.js';
import type { StoredExpert } from './written-state.js';

export interface ObservedState {
  stored: StoredExpert[];
  indexed: { id: string; name: string }[];
  /** The reconciliation's comparison, by id and content hash, without queueing any repair. */
  drift: Record<string, Drift>;
}

/** Where a drill's API processes keep their data. */
export interface DrillData {
  DATA_DIR: string;
  DATABASE_URL: string;
  /** Their index names' prefix: the uids are read the way the API writes them. */
  MEILI_INDEX_PREFIX: string;
}

/** Connects to the engine the API processes run (bundled, under DATA_DIR). */
export async function engineOf(data: DrillData): Promise<Meilisearch> {
  const engine = await runningBundledMeilisearch(data.DATA_DIR);
  if (!engine) throw new Error(`no bundled Meilisearch answers for ${data.DATA_DIR}`);
  return meilisearchClient(engine.host, engine.masterKey);
}

/** Reads the database and the index side by side (the processes must be quiet: converged). */
export async function observe(data: DrillData): Promise<ObservedState> {
  const db = new DataSource(
    buildDataSourceOptions({
      DATA_DIR: data.DATA_DIR,
      DATABASE_URL: data.DATABASE_URL || undefined,
      LOG_SQL: false,
    }),
  );
  await db.initialize();
  try {
    const meili = await engineOf(data);
    const uid = (name: string) => indexUid(data.MEILI_INDEX_PREFIX, name);
    const drift: Record<string, Drift> = {};
    for (const [name, definition] of Object.entries(SEARCH_INDEXES)) {
      drift[name] = await compareIndex(db.manager, meili, uid(name), definition);
    }
    return {
      stored: await storedExperts(db),
      indexed: await indexedExperts(meili, uid(EXPERTS_INDEX)),
      drift,
    };
  } finally {
    await db.destroy();
  }
}

async function storedExperts(db: DataSource): Promise<StoredExpert[]> {
  const rows = await db.query<Omit<StoredExpert, 'skills'>[]>(
    'SELECT id, email, name, "jobTitle", "organisationId" FROM experts',
  );
  const skills = await db.query<
    { expertId: string; technologyId: string; level: string; years: number | null }[]
  >('SELECT "expertId", "technologyId", level, years FROM expert_skills');
  const byExpert = new Map<string, StoredExpert['skills']>();
  for (const { expertId, technologyId, level, years } of skills) {
    const list = byExpert.get(expertId) ?? [];
    list.push({ technologyId, level, years: years === null ? null : Number(years) });
    byExpert.set(expertId, list);
  }
  return rows.map((row) => ({ ...row, skills: byExpert.get(row.id) ?? [] }));
}

async function indexedExperts(
  meili: Meilisearch,
  uid: string,
): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await meili
      .index(uid)
      .getDocuments<{ id: string; name: string }>({ fields: ['id', 'name'], offset, limit: 1000 });
    out.push(...page.results);
    if (page.results.length < 1000) return out;
  }
}
