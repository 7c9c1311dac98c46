/**
 * Text no store of Kenner can hold faithfully: a lone UTF-16 surrogate (half of an emoji, as a
 * JSON `\ud83d` escape delivers it) has no UTF-8 form, so PostgreSQL replaces it, SQLite keeps
 * broken bytes, and Meilisearch refuses every document and setting that embeds it; a NUL character
 * (U+0000) PostgreSQL text refuses outright. Such text is refused wherever it comes in (the
 * validation pipe, the importer), and `npm run data:check` finds rows that hold it from before.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` cannot be stored, or null when it can. */
export function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (LONE_SURROGATE.test(text))
    return 'must be valid Unicode (it holds a lone UTF-16 surrogate such as \\ud83d)';
  return null;
}

export interface InvalidText {
  /** Where, as the client spelled it: `aliases[1]`, `filters[0].values[2]`, `query`. */
  field: string;
  problem: string;
}

/**
 * The first string inside `value` (strings, arrays and plain objects, keys included) that cannot
 * be stored, with its path below `path`. Other objects (dates, buffers) hold no client text.
 */
export function invalidTextAt(value: unknown, path = ''): InvalidText | null {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem ? { field: path || 'input', problem } : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = invalidTextAt(item, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value === null || typeof value !== 'object' || holdsNoText(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    // A bad key is not echoed back: the error names the object holding it.
    const keyProblem = textProblem(key);
    if (keyProblem) return { field: path || 'input', problem: `property names ${keyProblem}` };
    const found = invalidTextAt(item, path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

/** Values of custom scalars and the like; input objects (graphql-js builds them without a
 * prototype) and class instances are walked. */
const holdsNoText = (value: object): boolean =>
  value instanceof Date ||
  value instanceof RegExp ||
  value instanceof Map ||
  value instanceof Set ||
  ArrayBuffer.isView(value) ||
  value instanceof ArrayBuffer;
