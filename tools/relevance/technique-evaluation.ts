import type { DemoDataset } from '../../src/seed/demo/demo-generator.js';
import { mean, ndcg } from './metrics.js';
import {
  type Form,
  subtreesOf,
  techniqueGain,
  techniqueQueries,
  type TechniqueQuery,
} from './technique-queries.js';

/** A system's whole answer to a query (every hit, best first), as e-mails. */
export type SetRanker = (text: string) => Promise<(string | undefined)[]>;

export interface TechniqueMetrics {
  queries: number;
  /** MRR@10 with "relevant" = holds the technique (and the material asked for). */
  mrr: number;
  /** nDCG@10 with the graded gains EXPERT 3, ADVANCED 2, BASIC 1. */
  ndcg: number;
  /** Of the whole answer, the share that is relevant (mean over queries). */
  precision: number;
  /** Of the relevant experts, the share the answer holds (mean over queries). */
  recall: number;
  /** Mean size of the answer. */
  size: number;
}

export interface TechniqueEvaluation {
  queries: number;
  /** Per system, and per system and form (`"searchExperts [typo]"`). */
  systems: Record<string, TechniqueMetrics>;
}

const TOP = 10;

/** Scores every system's whole answer to the judged technique queries. */
export async function scoreTechniqueQueries(
  data: DemoDataset,
  systems: Record<string, SetRanker>,
): Promise<TechniqueEvaluation> {
  const queries = techniqueQueries(data);
  const beneath = subtreesOf(data);
  const truth = new Map(data.experts.map((e) => [e.email, e]));
  const rows: Record<string, Record<keyof TechniqueMetrics, number[]>> = {};
  for (const query of queries) {
    const gainOf = (email: string | undefined) => {
      const expert = email ? truth.get(email) : undefined;
      return expert ? techniqueGain(query, expert, beneath) : 0;
    };
    const ideal = data.experts.map((e) => techniqueGain(query, e, beneath));
    const relevant = ideal.filter((g) => g > 0).length;
    for (const [system, answer] of Object.entries(systems)) {
      const gains = (await answer(query.text)).map(gainOf);
      const found = gains.filter((g) => g > 0).length;
      const first = gains.slice(0, TOP).findIndex((g) => g > 0);
      for (const key of keysOf(system, query)) {
        rows[key] ??= { queries: [], mrr: [], ndcg: [], precision: [], recall: [], size: [] };
        rows[key].queries.push(1);
        rows[key].mrr.push(first < 0 ? 0 : 1 / (first + 1));
        rows[key].ndcg.push(ndcg(gains, ideal, TOP));
        rows[key].precision.push(gains.length ? found / gains.length : relevant ? 0 : 1);
        rows[key].recall.push(relevant ? found / relevant : 1);
        rows[key].size.push(gains.length);
      }
    }
  }
  return {
    queries: queries.length,
    systems: Object.fromEntries(
      Object.entries(rows).map(([key, r]) => [
        key,
        {
          queries: r.queries.length,
          mrr: mean(r.mrr),
          ndcg: mean(r.ndcg),
          precision: mean(r.precision),
          recall: mean(r.recall),
          size: mean(r.size),
        },
      ]),
    ),
  };
}

function keysOf(system: string, query: TechniqueQuery): string[] {
  const form: Form | 'material' = query.material ? 'material' : query.form;
  return [system, `${system} [${form}]`];
}
