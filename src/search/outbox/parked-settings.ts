import { type DataSource, IsNull, Like, Not } from 'typeorm';
import { SETTINGS_DOCUMENT, settingsOutboxName } from '../indexes/search-indexes.js';
import { SearchOutboxEntity } from './search-outbox.entity.js';

/**
 * A settings update Meilisearch refused (engine/index-settings.ts `SettingsRefusedError`) is kept
 * as a parked outbox row of the index's settings: the relay does not retry it, a later taxonomy
 * change queues a fresh attempt, and `/health` shows the error (`search.settingsError`).
 */
export async function parkRefusedSettings(
  db: DataSource,
  index: string,
  error: string,
): Promise<void> {
  const outbox = db.getRepository(SearchOutboxEntity);
  const indexName = settingsOutboxName(index);
  await outbox.delete({ indexName, parkedAt: Not(IsNull()) });
  await outbox.insert({
    indexName,
    documentId: SETTINGS_DOCUMENT,
    parkedAt: new Date(),
    lastError: error.slice(0, 2000),
    attempts: 1,
  });
}

/** The index took its settings (at start): an earlier refusal is over. */
export async function settleRefusedSettings(db: DataSource, index: string): Promise<void> {
  await db
    .getRepository(SearchOutboxEntity)
    .delete({ indexName: settingsOutboxName(index), parkedAt: Not(IsNull()) });
}

/** The refusals parked now, one line per index, or null when every index took its settings. */
export async function refusedSettings(db: DataSource): Promise<string | null> {
  const rows = await db.getRepository(SearchOutboxEntity).find({
    where: { indexName: Like(settingsOutboxName('%')), parkedAt: Not(IsNull()) },
    order: { indexName: 'ASC' },
  });
  return rows.length ? rows.map((r) => r.lastError ?? `${r.indexName} refused`).join('\n') : null;
}
