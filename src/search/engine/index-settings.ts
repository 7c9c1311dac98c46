import type { Meilisearch, Settings } from 'meilisearch';

/**
 * Brings a live index's settings to what the code declares. Returns the names of the settings
 * that had drifted (empty when the index already matched).
 */
export async function applySettings(
  client: Meilisearch,
  uid: string,
  wanted: Settings,
): Promise<string[]> {
  const existing = await client.getIndex(uid).catch(() => null);
  if (!existing) {
    const created = await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    if (created.status !== 'succeeded')
      throw new Error(`cannot create index ${uid}: ${created.error?.message}`);
  }
  const index = client.index(uid);
  const live = (await index.getSettings()) as Record<string, unknown>;
  const drifted = Object.entries(wanted)
    .filter(([key, value]) =>
      key === 'synonyms'
        ? canonicalMap(live[key]) !== canonicalMap(value)
        : !sameSettings(live[key], value, ORDERED.has(key)),
    )
    .map(([key]) => key);
  if (drifted.length) {
    const task = await index.updateSettings(wanted).waitTask({ timeout: 120_000 });
    if (task.status !== 'succeeded')
      throw new Error(`settings of ${uid} refused: ${task.error?.message}`);
  }
  return drifted;
}

/** Settings whose order means something; other lists are sets (Meilisearch may reorder them). */
const ORDERED = new Set(['searchableAttributes', 'rankingRules']);

/** Meilisearch answers with every key filled in; compare only what the code declares. */
function sameSettings(live: unknown, wanted: unknown, ordered: boolean): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(live)) return false;
    const [a, b] = ordered
      ? [live as unknown[], wanted as unknown[]]
      : [(live as string[]).slice().sort(), (wanted as string[]).slice().sort()];
    return JSON.stringify(a) === JSON.stringify(b);
  }
  if (wanted && typeof wanted === 'object') {
    if (!live || typeof live !== 'object') return false;
    const liveObject = live as Record<string, unknown>;
    return Object.entries(wanted).every(([k, v]) => sameSettings(liveObject[k], v, false));
  }
  return live === wanted;
}

/** Synonyms are a whole map: a removed entry is drift too. */
function canonicalMap(value: unknown): string {
  const entries = Object.entries((value ?? {}) as Record<string, string[]>)
    .map(([k, v]) => [k, [...v].sort()] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}
