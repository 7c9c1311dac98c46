/** Nearest-rank percentiles (p50 of 1..100 is 50, p95 is 95) of milliseconds, rounded. */
export function percentiles(values: number[]): {
  n: number;
  p50: number;
  p95: number;
  max: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return { n: values.length, p50: at(0.5), p95: at(0.95), max: at(1) };
}
