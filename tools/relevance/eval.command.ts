import { runCommand } from '../../src/common/cli/run-command.js';
import { evaluate } from './evaluate.js';
import type { TechniqueMetrics } from './technique-evaluation.js';

/** What a system's whole answer to a technique query must reach (issue 17). */
const TARGETS = { ndcg: 0.9, precision: 0.9, recall: 0.99 };

/**
 * `npm run eval`: prints MRR@10, nDCG@10 and P@5 of every system over the judged requests, then
 * MRR@10, graded nDCG@10, precision and recall of the whole answer over the judged technique
 * queries (see evaluate.ts), and why a system was skipped.
 */
async function main(): Promise<void> {
  const { experts, requests, systems, skipped, techniques } = await evaluate();
  const f = (n: number) => n.toFixed(3);
  const verdict = (m: TechniqueMetrics) =>
    m.ndcg >= TARGETS.ndcg && m.precision >= TARGETS.precision && m.recall >= TARGETS.recall
      ? 'meets'
      : '';
  const out = [
    `judged requests: ${requests} (EN/FR/DE/NL; acronyms, names, typos; materials; towns) over ${experts} demo experts`,
    '',
    `${'system'.padEnd(32)} MRR@10  nDCG@10  P@5`,
    ...Object.entries(systems)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([system, m]) => `${system.padEnd(32)} ${f(m.mrr)}   ${f(m.ndcg)}   ${f(m.p5)}`),
    '',
    `judged technique queries: ${techniques.queries} (each acronym; the name in EN/FR/DE/NL, and with a typo; a technique with a material, "DRX acier"), whole answers`,
    `graded gains EXPERT 3, ADVANCED 2, BASIC 1; targets nDCG@10 ≥ ${TARGETS.ndcg}, precision ≥ ${TARGETS.precision}, recall ≥ ${TARGETS.recall}`,
    '',
    `${'system [form]'.padEnd(48)} queries MRR@10  nDCG@10  precision recall  hits`,
    ...Object.entries(techniques.systems)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([system, m]) =>
          `${system.padEnd(48)} ${String(m.queries).padStart(7)} ${f(m.mrr)}   ${f(m.ndcg)}   ${f(m.precision)}     ${f(m.recall)}  ${m.size.toFixed(0).padStart(4)}  ${verdict(m)}`,
      ),
    ...Object.entries(skipped).map(([system, reason]) => `\n${system}: skipped — ${reason}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

runCommand(main);
