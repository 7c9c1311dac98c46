import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where measurements are kept: beside docs/benchmarks.md, which discusses them. */
export const RESULTS_DIR = 'docs/benchmarks';

/** Writes one run's figures as `<kind>-<timestamp>.json` and answers the file's path. */
export function writeResults<R extends { at: string }>(
  kind: 'bench' | 'load' | 'search',
  results: R,
): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${kind}-${results.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}
