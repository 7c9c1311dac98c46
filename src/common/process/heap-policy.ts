import { setFlagsFromString } from 'node:v8';

/**
 * Where V8 starts its old generation's limit (MB), before its first sizing from what survived.
 * The start leaves ~40–60 MB live (docs/benchmarks.md).
 */
const INITIAL_OLD_SPACE_MB = 64;

/**
 * How far V8 lets the heap grow past what the last full collection kept alive, as a percentage
 * (V8's `--heap-growing-percent`; 0 leaves V8's own choice). V8 alone grows it up to about 4× when
 * collecting looks cheap: a first search sync, whose documents outlive a few young collections
 * while they wait for the engine, left ~70 MB live in a ~260 MB old space and the API at ~450 MB
 * RSS at 20,000 experts. At 25% the same sync peaks at ~265 MB, no slower, and search throughput
 * is unchanged (docs/benchmarks.md). A growth factor, not a ceiling: unlike
 * `--max-old-space-size`, a large import still gets the heap it needs instead of running out.
 *
 * The growth factor alone did not cover the start: V8 sizes its first limit from the machine's
 * memory, and on 24 GB it let the heap reach ~170 MB before the second full collection, 20 s into
 * a sync at 100,000 experts, which put the API's peak there (285–316 MB). `--initial-old-space-size`
 * starts the limit low, so the factor rules from the first collection on (229–233 MB, same runs).
 *
 * Set at run time because NODE_OPTIONS refuses V8 flags other than a few; V8 reads both at its
 * full collections.
 */
export function applyHeapPolicy(growingPercent: number): void {
  if (growingPercent <= 0) return;
  setFlagsFromString(`--heap-growing-percent=${growingPercent}`);
  setFlagsFromString(`--initial-old-space-size=${INITIAL_OLD_SPACE_MB}`);
}
