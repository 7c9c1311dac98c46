import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what the last full collection kept alive, as a percentage
 * (V8's `--heap-growing-percent`; 0 leaves V8's own choice). V8 alone grows it up to about 4× when
 * collecting looks cheap: a first search sync, whose documents outlive a few young collections
 * while they wait for the engine, left ~70 MB live in a ~260 MB old space and the API at ~450 MB
 * RSS at 20,000 experts. At 25% the same sync peaks at ~265 MB, no slower, and search throughput
 * is unchanged (docs/benchmarks.md). A growth factor, not a ceiling: unlike
 * `--max-old-space-size`, a large import still gets the heap it needs instead of running out.
 * Set at run time because NODE_OPTIONS refuses V8 flags other than a few; V8 reads this one at
 * every full collection.
 */
export function applyHeapPolicy(growingPercent: number): void {
  if (growingPercent > 0) setFlagsFromString(`--heap-growing-percent=${growingPercent}`);
}
