import { createHash } from 'node:crypto';

/** Key order does not matter to Meilisearch, so it must not matter to the hash either. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !key.startsWith('_') || key === '_geo')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, v]) => [key, canonical(v)]),
    );
  }
  return value;
}

export const documentHash = (document: unknown): string =>
  createHash('sha1')
    .update(JSON.stringify(canonical(document)))
    .digest('hex');
