import type { DrillResult } from './drill-run.js';

const MAX_PROBLEMS = 20;

const out = (line: string) => process.stdout.write(`${line}\n`);

/** What one drill did and found, with its figures. */
export function printResult(r: DrillResult): void {
  const v = r.verdict;
  const passed = v.problems.length === 0;
  out(`${r.drill} on ${r.kind}: ${passed ? 'PASS' : 'FAIL'} (${r.seconds.toFixed(1)} s)`);
  for (const fact of r.facts) out(`  ${fact}`);
  out(
    `  writes ${v.writes}: ${v.acknowledged} acknowledged (${v.byKind.create} creates, ${v.byKind.update} updates, ` +
      `${v.byKind.skills} skills-only, ${v.byKind.delete} deletes), ${v.refused} refused, ${v.inDoubt.total} in doubt ` +
      `(${v.inDoubt.committed} committed whole, ${v.inDoubt.notCommitted} absent whole, ` +
      `${v.inDoubt.overwritten} overwritten by later writes)`,
  );
  out(
    `  database vs acknowledged writes: lost ${v.lost}, torn ${v.torn}, duplicates ${v.duplicates}`,
  );
  out(
    `  index vs database before any repair: drift ${Object.entries(v.drift)
      .map(([index, n]) => `${index} ${n}`)
      .join(', ')}`,
  );
  out(`  converged ${r.convergeSeconds.toFixed(1)} s after the last write`);
  for (const problem of v.problems.slice(0, MAX_PROBLEMS)) out(`  ! ${problem}`);
  if (v.problems.length > MAX_PROBLEMS) out(`  ! … and ${v.problems.length - MAX_PROBLEMS} more`);
  if (r.cleanupError) out(`  ! cleaning up after the drill failed: ${r.cleanupError}`);
}

/** One line for all drills: the figures that must be zero, and the verdict. */
export function printSummary(results: DrillResult[], failures: number, seconds: number): void {
  const sum = (f: (r: DrillResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const drift = sum((r) => Object.values(r.verdict.drift).reduce((a, b) => a + b, 0));
  out(
    `summary: ${results.length} drills in ${seconds.toFixed(0)} s; ` +
      `${sum((r) => r.verdict.acknowledged)} writes acknowledged, ${sum((r) => r.verdict.inDoubt.total)} in doubt, ` +
      `${sum((r) => r.verdict.refused)} refused; lost ${sum((r) => r.verdict.lost)}, ` +
      `torn ${sum((r) => r.verdict.torn)}, duplicates ${sum((r) => r.verdict.duplicates)}, drift ${drift}; ` +
      `${failures ? `FAIL (${failures} drill${failures > 1 ? 's' : ''})` : 'PASS'}`,
  );
}
