import { type Meilisearch, MeilisearchApiError, type Settings } from 'meilisearch';

/**
 * Settings Meilisearch can honour only by re-indexing every document. Changing one of them on a
 * live index degrades search while it re-indexes, so on a populated live index they go through
 * rebuild-and-swap instead; everything else (ranking, synonyms, typo tolerance…) is query-time
 * and safe to apply in place.
 */
export const REINDEXING_SETTINGS: ReadonlySet<string> = new Set([
  'searchableAttributes',
  'filterableAttributes',
  'sortableAttributes',
  'localizedAttributes',
  'stopWords',
  'separatorTokens',
  'nonSeparatorTokens',
  'dictionary',
  'proximityPrecision',
  'facetSearch',
  'prefixSearch',
  'embedders',
]);

/**
 * Meilisearch refused the settings themselves (a 4xx answer or a failed task: e.g. synonyms
 * holding a lone surrogate from a legacy row). Sending them again cannot help: callers park the
 * request and report it, unlike an engine that is down, which is waited for.
 */
export class SettingsRefusedError extends Error {
  constructor(uid: string, reason: string) {
    super(`settings of ${uid} refused: ${reason}`);
    this.name = 'SettingsRefusedError';
  }
}

export interface SettingsOutcome {
  /** Settings that differed and were applied. */
  applied: string[];
  /** Settings that differ but were left for a rebuild-and-swap (live index, populated). */
  needRebuild: string[];
}

/**
 * Brings an index's settings to what the code declares. A missing index is created; on an empty
 * index, or with `rebuilding` (a shadow index nobody searches), everything is applied; on a
 * populated live index only query-time settings are.
 */
export async function applySettings(
  client: Meilisearch,
  uid: string,
  wanted: Settings,
  options: { rebuilding?: boolean } = {},
): Promise<SettingsOutcome> {
  const existing = await client.getIndex(uid).catch(() => null);
  if (!existing) {
    const created = await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
    if (created.status !== 'succeeded')
      throw new Error(`cannot create index ${uid}: ${created.error?.message}`);
  }
  const index = client.index(uid);
  const drifted = settingsDrift(await index.getSettings(), wanted);
  if (drifted.length === 0) return { applied: [], needRebuild: [] };
  const empty = (await index.getStats()).numberOfDocuments === 0;
  const inPlace =
    options.rebuilding || empty ? drifted : drifted.filter((k) => !REINDEXING_SETTINGS.has(k));
  if (inPlace.length) {
    const subset = Object.fromEntries(
      inPlace.map((k) => [k, wanted[k as keyof Settings]]),
    ) as Settings;
    const task = await index
      .updateSettings(subset)
      .waitTask({ timeout: 120_000 })
      .catch((error: unknown) => {
        const refused = error instanceof MeilisearchApiError && error.response.status < 500;
        throw refused ? new SettingsRefusedError(uid, error.message) : error;
      });
    if (task.status !== 'succeeded')
      throw new SettingsRefusedError(uid, task.error?.message ?? task.status);
  }
  return { applied: inPlace, needRebuild: drifted.filter((k) => !inPlace.includes(k)) };
}

/** The declared settings that the live ones do not match. */
export function settingsDrift(live: Record<string, unknown>, wanted: Settings): string[] {
  return Object.entries(wanted)
    .filter(([key, value]) =>
      key === 'synonyms'
        ? canonicalMap(live[key]) !== canonicalMap(value)
        : !sameSettings(live[key], value, ORDERED.has(key)),
    )
    .map(([key]) => key);
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
