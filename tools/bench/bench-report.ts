import type { AlternativeFigures } from './stages/alternative.stage.js';
import type { FreshnessFigures } from './stages/freshness.stage.js';
import type { IndexingFigures } from './stages/indexing.stage.js';
import type { QueriesPerRequest } from './stages/queries-per-request.stage.js';
import { cpuPerSearchLine, type SearchFigures, type SideBySide } from './stages/search.stage.js';

export interface BenchResults {
  at: string;
  machine: string;
  database: 'sqlite' | 'postgres';
  experts: number;
  /** Node options the API ran with, beside its defaults (none: as `npm start` runs it). */
  apiNodeOptions: string[];
  setup: { seedSeconds: number; syncSeconds: number; syncPeakRssMb: number | null };
  indexing: IndexingFigures;
  search: SearchFigures;
  freshness: FreshnessFigures;
  queriesPerRequest: QueriesPerRequest;
  memory: { apiPeakRssMb: number | null; meilisearchPeakRssMb: number | null };
  alternative: AlternativeFigures;
}

/** The run as a table, with each goal of the issue beside the figure it is about. */
export function report(r: BenchResults): string {
  const goal = (ok: boolean, text: string) => `${text} ${ok ? '✓' : '✗'}`;
  const side = (s: SideBySide) => [
    `  ${s.connections} connection(s)  GraphQL ${s.graphql.requestsPerSecond} req/s p50 ${s.graphql.p50Ms} ms p99 ${s.graphql.p99Ms} ms` +
      ` (errors ${s.graphql.errors}, non-2xx ${s.graphql.non2xx})`,
    `  ${' '.repeat(String(s.connections).length)}                raw     ${s.raw.requestsPerSecond} req/s p50 ${s.raw.p50Ms} ms p99 ${s.raw.p99Ms} ms` +
      `   → throughput ${s.throughputRatio}, p50 +${s.p50OverheadMs} ms`,
    `  ${' '.repeat(String(s.connections).length)}                ${cpuPerSearchLine(s)}`,
  ];
  const f = r.freshness;
  const lines = [
    `Kenner bench — ${r.at}`,
    `machine   ${r.machine}`,
    `data      ${r.experts} demo experts on ${r.database}; seeded in ${r.setup.seedSeconds.toFixed(0)} s, indexed by the relay in ${r.setup.syncSeconds.toFixed(0)} s`,
    ...(r.apiNodeOptions.length ? [`api       node ${r.apiNodeOptions.join(' ')}`] : []),
    `indexing  reindex ${r.indexing.reindexDocsPerS} docs/s (${r.indexing.reindexSeconds} s)   raw ingest ${r.indexing.rawIngestDocsPerS} docs/s (${r.indexing.rawIngestSeconds} s)   ` +
      goal(r.indexing.ratio >= 0.85, `ratio ${r.indexing.ratio} (goal ≥ 0.85)`),
    `          the reindex with its verification, swap and reconcile: ${r.indexing.reindexWithVerificationSeconds} s`,
    `search    ${r.search.searches} searches, ${r.search.seconds} s per run; ` +
      goal(r.search.loaded.throughputRatio >= 0.8, `throughput ratio goal ≥ 0.80`),
    ...side(r.search.loaded),
    ...side(r.search.single),
    `freshness ${f.writesPerSecond} writes/s: all p50 ${f.all.p50} ms p95 ${f.all.p95} ms max ${f.all.max} ms (n ${f.all.n}, never seen ${f.neverSeen}, then not found by search ${f.notFoundBySearch})   ` +
      goal(f.all.p95 < 300 && f.neverSeen + f.notFoundBySearch === 0, 'goal p95 < 300 ms'),
    `          creates p50 ${f.creates.p50} / p95 ${f.creates.p95} ms; updates p50 ${f.updates.p50} / p95 ${f.updates.p95} ms`,
    `SQL/request anonymous ${fmt(r.queriesPerRequest.anonymous)}`,
    `            with key  ${fmt(r.queriesPerRequest.keyed)}   ` +
      goal(atMost(5, r.queriesPerRequest), 'goal ≤ 5 each'),
    `memory    API peak RSS ${r.memory.apiPeakRssMb} MB ` +
      goal((r.memory.apiPeakRssMb ?? Infinity) < 250, '(goal < 250 MB at 100k)') +
      ` (start and sync: ${r.setup.syncPeakRssMb ?? '?'} MB)` +
      `   Meilisearch peak RSS ${r.memory.meilisearchPeakRssMb} MB`,
    ...alternative(r.alternative, r.search.loaded),
  ];
  return `${lines.join('\n')}\n`;
}

const atMost = (n: number, q: BenchResults['queriesPerRequest']) =>
  [q.anonymous, q.keyed].every((counts) => Object.values(counts).every((c) => c <= n));

const fmt = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([name, n]) => `${name}: ${n}`)
    .join('; ');

function alternative(a: AlternativeFigures, kenner: SideBySide): string[] {
  if (!a.fullText) return [`alternative skipped: ${a.skipped ?? 'unknown reason'}`];
  const s = a.fullText.search;
  const lines = [
    `alternative PostgreSQL full-text on ${a.data}: table + GIN built in ${a.fullText.build.seconds} s; ` +
      `${a.fullText.coverage.withHits}/${a.fullText.coverage.searches} searches find someone; its HTTP front peaked at ${a.fullText.serverPeakRssMb} MB`,
    `  ${kenner.connections} connection(s)  ${s.requestsPerSecond} req/s p50 ${s.p50Ms} ms p99 ${s.p99Ms} ms (errors ${s.errors}, non-2xx ${s.non2xx})` +
      `   vs Kenner GraphQL ${kenner.graphql.requestsPerSecond} req/s p50 ${kenner.graphql.p50Ms} ms ` +
      (kenner.graphql.requestsPerSecond > s.requestsPerSecond ? '✓' : '✗') +
      ' (goal: Kenner ahead)',
  ];
  if (a.relevance) {
    lines.push(
      `  relevance (${a.relevance.requests} judged requests, ${a.relevance.experts} experts)   MRR@10 nDCG@10 P@5`,
    );
    for (const [system, m] of Object.entries(a.relevance.systems)) {
      if (system.includes('(')) continue; // per-language rows stay in the JSON
      lines.push(
        `    ${system.padEnd(28)} ${m.mrr.toFixed(3)}  ${m.ndcg.toFixed(3)}   ${m.p5.toFixed(3)}`,
      );
    }
    for (const [system, why] of Object.entries(a.relevance.skipped)) {
      lines.push(`    ${system}: skipped (${why})`);
    }
  }
  return lines;
}
