import { evaluate, type Evaluation } from '../../relevance/evaluate.js';
import { EXPERTS_INDEX } from '../../../src/search/indexes/experts.index.js';
import { seedPostgresCopy } from '../../support/scratch-postgres.js';
import type { BenchTarget } from '../bench-target.js';
import { benchPostgresFullText, type FullTextBenchFigures } from '../full-text/full-text.bench.js';
import { searchMix } from '../search-mix.js';

export interface AlternativeFigures {
  /** Where the full-text table was built: the API's own database, or a seeded copy. */
  data: string;
  fullText: FullTextBenchFigures | null;
  /** Relevance over the judged requests (1,200 experts): Kenner, PostgreSQL full-text, keywords. */
  relevance: Evaluation | null;
  skipped?: string;
}

/**
 * "The alternative": the same search mix on PostgreSQL full-text search over the same data, at
 * the same concurrency, and the evaluation's relevance figures for it beside Kenner's. A SQLite
 * run seeds a PostgreSQL copy with the same generator and size.
 */
export async function alternativeStage(
  target: BenchTarget,
  connections: number,
  seconds: number,
  say: (line: string) => void,
): Promise<AlternativeFigures> {
  const inputs = searchMix(EXPERTS_INDEX).map((m) => m.input);
  let copy: Awaited<ReturnType<typeof seedPostgresCopy>> | undefined;
  try {
    let databaseUrl = target.databaseUrl;
    let data = 'the API database';
    if (!databaseUrl) {
      say(`alternative: seeding a PostgreSQL copy of the ${target.database} data`);
      copy = await seedPostgresCopy(target.experts);
      databaseUrl = copy.databaseUrl;
      data = `a PostgreSQL copy (same generator, seed and size; seeded in ${copy.seconds.toFixed(0)} s)`;
    }
    say(`alternative: PostgreSQL full-text, ${connections} connections`);
    const fullText = await benchPostgresFullText({ databaseUrl, inputs, connections, seconds });
    say('alternative: relevance over the judged requests (npm run eval)');
    return { data, fullText, relevance: await evaluate() };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    say(`alternative skipped: ${reason}`);
    return { data: 'none', fullText: null, relevance: null, skipped: reason };
  } finally {
    await copy?.drop();
  }
}
