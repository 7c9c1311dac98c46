import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../app.module.js';
import { loadEnvironment } from '../../config/environment.js';
import { ExpertEntity } from '../../experts/expert.entity.js';
import { KeywordBaseline } from '../../search/baseline/keyword-baseline.js';
import { SearchEngine } from '../../search/engine/search-engine.service.js';
import { generateDemoDataset } from '../../seed/demo/demo-generator.js';
import { MatchingService } from '../matching.service.js';
import { judgedRequests, relevance } from './judged-requests.js';
import { mean, ndcg, precision, reciprocalRank } from './metrics.js';

const EXPERTS = 1200;

/**
 * `npm run eval`: MRR@10, nDCG@10 and P@5 of matchExperts and of a plain keyword baseline over
 * the judged set, on the demo data in a scratch database. Prints figures; asserts nothing.
 */
async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'kenner-eval-'));
  const env = loadEnvironment({
    ...process.env,
    DATA_DIR: scratch,
    DATABASE_URL: '',
    MEILI_INDEX_PREFIX: `eval${process.pid}_`,
    SEED_DEMO: 'true',
    DEMO_EXPERTS: String(EXPERTS),
    SEARCH_RELAY: 'false',
    LOG_LEVEL: 'error',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(env), {
    logger: ['error'],
  });
  const engine = app.get(SearchEngine);
  const baseline = new KeywordBaseline(engine.client, engine.index('keyword_baseline'));
  try {
    const db = app.get<DataSource>(getDataSourceToken());
    const data = generateDemoDataset({ experts: EXPERTS, seed: 42 });
    const truth = new Map(data.experts.map((e) => [e.email, e]));
    const orgAt = new Map(
      data.organisations.map((o) => [o.key, { lat: o.latitude, lng: o.longitude }]),
    );
    const emailOf = new Map(
      (await db.getRepository(ExpertEntity).find({ select: { id: true, email: true } })).map(
        (e) => [e.id, e.email],
      ),
    );
    await baseline.build(db.manager);
    const requests = judgedRequests(data);
    const matching = app.get(MatchingService);
    const rows: Record<string, { mrr: number[]; ndcg: number[]; p5: number[] }> = {};
    for (const request of requests) {
      const grade = (email: string | undefined) => {
        const expert = email ? truth.get(email) : undefined;
        return expert ? relevance(request, expert, orgAt.get(expert.organisation)) : 0;
      };
      const ideal = data.experts.map((e) => relevance(request, e, orgAt.get(e.organisation)));
      const systems = {
        matchExperts: (await matching.match({ text: request.text, limit: 10 })).matches.map((m) =>
          grade(m.expert.email ?? undefined),
        ),
        'keyword baseline': (await baseline.search(request.text, 10)).map((id) =>
          grade(emailOf.get(id)),
        ),
      };
      for (const [system, grades] of Object.entries(systems)) {
        for (const key of [system, `${system} (${request.language})`]) {
          rows[key] ??= { mrr: [], ndcg: [], p5: [] };
          rows[key].mrr.push(reciprocalRank(grades));
          rows[key].ndcg.push(ndcg(grades, ideal));
          rows[key].p5.push(precision(grades));
        }
      }
    }
    const f = (n: number) => n.toFixed(3);
    process.stdout.write(
      `judged requests: ${requests.length} (EN/FR/DE/NL; acronyms, names, typos; materials; towns) over ${EXPERTS} demo experts\n\n`,
    );
    process.stdout.write(`${'system'.padEnd(28)} MRR@10  nDCG@10  P@5\n`);
    for (const [system, r] of Object.entries(rows).sort(([a], [b]) => a.localeCompare(b))) {
      process.stdout.write(
        `${system.padEnd(28)} ${f(mean(r.mrr))}   ${f(mean(r.ndcg))}   ${f(mean(r.p5))}\n`,
      );
    }
  } finally {
    await baseline.drop().catch(() => undefined);
    await app.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
