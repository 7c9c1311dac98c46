import { runCommand } from '../../src/common/cli/run-command.js';
import { evaluate } from './evaluate.js';

/**
 * `npm run eval`: prints MRR@10, nDCG@10 and P@5 of every system over the judged set (see
 * evaluate.ts), and why a system was skipped.
 */
async function main(): Promise<void> {
  const { experts, requests, systems, skipped } = await evaluate();
  const f = (n: number) => n.toFixed(3);
  const out = [
    `judged requests: ${requests} (EN/FR/DE/NL; acronyms, names, typos; materials; towns) over ${experts} demo experts`,
    '',
    `${'system'.padEnd(32)} MRR@10  nDCG@10  P@5`,
    ...Object.entries(systems)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([system, m]) => `${system.padEnd(32)} ${f(m.mrr)}   ${f(m.ndcg)}   ${f(m.p5)}`),
    ...Object.entries(skipped).map(([system, reason]) => `\n${system}: skipped — ${reason}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

runCommand(main);
