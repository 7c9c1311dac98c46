import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AppCommand, withApp } from '../../src/cli/app-command.js';
import { ExpertEntity } from '../../src/experts/expert.entity.js';
import { KeywordBaseline } from '../baseline/keyword-baseline.js';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { SearchMaintenance } from '../../src/search/maintenance/search-maintenance.service.js';
import { generateDemoDataset } from '../../src/seed/demo/demo-generator.js';
import { postgresAdminUrl } from '../support/scratch-postgres.js';
import { MatchingService } from '../../src/matching/matching.service.js';
import { type FullTextSystem, openFullTextSystem } from './full-text.system.js';
import { judgedRequests, relevance } from './judged-requests.js';
import { mean, ndcg, precision, reciprocalRank } from './metrics.js';
import { searchSystems } from './search.system.js';
import {
  type SetRanker,
  scoreTechniqueQueries,
  type TechniqueEvaluation,
} from './technique-evaluation.js';

const EXPERTS = 1200;
const SEED = 42;
const TOP = 10;
const FULL_TEXT = 'PostgreSQL full-text';

export interface Metrics {
  mrr: number;
  ndcg: number;
  p5: number;
}

export interface Evaluation {
  experts: number;
  requests: number;
  /** Per system, and per system and request language (`"matchExperts (fr)"`). */
  systems: Record<string, Metrics>;
  /** Systems that could not run, with the reason (PostgreSQL unreachable…). */
  skipped: Record<string, string>;
  /** The judged technique queries ("XRD", "Röntgenbeugung", "DRX acier"): whole answers. */
  techniques: TechniqueEvaluation;
}

/** Ranks a request's text; answers the e-mails of the experts found, best first. */
type Ranker = (text: string) => Promise<(string | undefined)[]>;

/**
 * MRR@10, nDCG@10 and P@5 of matchExperts, the keyword baseline and the PostgreSQL full-text
 * alternative over the judged requests, and MRR@10, graded nDCG@10, precision and recall of the
 * whole answer of searchExperts (before and after query understanding), matchExperts and
 * PostgreSQL full-text over the judged technique queries, on the demo data (1,200 experts, seed
 * 42): SQLite and the bundled Meilisearch, a scratch PostgreSQL copy for full text. Asserts
 * nothing.
 */
export function evaluate(): Promise<Evaluation> {
  const command: AppCommand = {
    scratch: 'kenner-eval',
    env: {
      DATABASE_URL: '',
      MEILI_INDEX_PREFIX: `eval${process.pid}_`,
      SEED_DEMO: 'true',
      DEMO_EXPERTS: String(EXPERTS),
      SEARCH_RELAY: 'false',
      LOG_LEVEL: 'error',
    },
    logger: ['error'],
  };
  return withApp(command, evaluateIn);
}

/** The evaluation on an application holding the demo data. */
async function evaluateIn(app: INestApplicationContext): Promise<Evaluation> {
  const engine = app.get(SearchEngine);
  const baseline = new KeywordBaseline(engine.client, engine.index('keyword_baseline'));
  const skipped: Record<string, string> = {};
  let fullText: FullTextSystem | undefined;
  try {
    const db = app.get<DataSource>(getDataSourceToken());
    const emailOf = new Map(
      (await db.getRepository(ExpertEntity).find({ select: { id: true, email: true } })).map(
        (e) => [e.id, e.email],
      ),
    );
    await baseline.build(db.manager);
    // The relay is off here: searchExperts needs the experts index filled.
    await app.get(SearchMaintenance).reindex(undefined, [EXPERTS_INDEX]);
    const postgres = await openFullTextSystem(EXPERTS, SEED).catch((error: unknown) => {
      skipped[FULL_TEXT] =
        `PostgreSQL unavailable through ${postgresAdminUrl()}: ${messageOf(error)}`;
      return undefined;
    });
    fullText = postgres;
    const matching = app.get(MatchingService);
    const rankers: Record<string, Ranker> = {
      matchExperts: async (text) =>
        (await matching.match({ text, limit: TOP })).matches.map(
          (m) => m.expert.email ?? undefined,
        ),
      'keyword baseline': async (text) =>
        (await baseline.search(text, TOP)).map((id) => emailOf.get(id)),
      ...(postgres ? { [FULL_TEXT]: (text: string) => postgres.rank(text, TOP) } : {}),
    };
    const answers: Record<string, SetRanker> = {
      ...searchSystems(app, emailOf),
      matchExperts: async (text) =>
        (await matching.match({ text, limit: 100_000 })).matches.map(
          (m) => m.expert.email ?? undefined,
        ),
      ...(postgres ? { [FULL_TEXT]: (text: string) => postgres.answer(text) } : {}),
    };
    const data = generateDemoDataset({ experts: EXPERTS, seed: SEED });
    return {
      ...(await score(rankers)),
      techniques: await scoreTechniqueQueries(data, answers),
      skipped,
    };
  } finally {
    await fullText?.close();
    await baseline.drop().catch(() => undefined);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Grades every system's answers from the generator's ground truth. */
async function score(
  rankers: Record<string, Ranker>,
): Promise<Omit<Evaluation, 'skipped' | 'techniques'>> {
  const data = generateDemoDataset({ experts: EXPERTS, seed: SEED });
  const truth = new Map(data.experts.map((e) => [e.email, e]));
  const orgAt = new Map(
    data.organisations.map((o) => [o.key, { lat: o.latitude, lng: o.longitude }]),
  );
  const requests = judgedRequests(data);
  const rows: Record<string, { mrr: number[]; ndcg: number[]; p5: number[] }> = {};
  for (const request of requests) {
    const grade = (email: string | undefined) => {
      const expert = email ? truth.get(email) : undefined;
      return expert ? relevance(request, expert, orgAt.get(expert.organisation)) : 0;
    };
    const ideal = data.experts.map((e) => relevance(request, e, orgAt.get(e.organisation)));
    for (const [system, rank] of Object.entries(rankers)) {
      const grades = (await rank(request.text)).map(grade);
      for (const key of [system, `${system} (${request.language})`]) {
        rows[key] ??= { mrr: [], ndcg: [], p5: [] };
        rows[key].mrr.push(reciprocalRank(grades));
        rows[key].ndcg.push(ndcg(grades, ideal));
        rows[key].p5.push(precision(grades));
      }
    }
  }
  const systems = Object.fromEntries(
    Object.entries(rows).map(([system, r]) => [
      system,
      { mrr: mean(r.mrr), ndcg: mean(r.ndcg), p5: mean(r.p5) },
    ]),
  );
  return { experts: EXPERTS, requests: requests.length, systems };
}
