import type { INestApplicationContext } from '@nestjs/common';
import { type Caller, Role } from '../../src/auth/caller.js';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import type { ExpertFacet } from '../../src/search/experts/expert-facets.js';
import { expertSearch } from '../../src/search/experts/expert-search.query.js';
import { ExpertSearchService } from '../../src/search/experts/expert-search.service.js';
import { runFacetedSearch } from '../../src/search/faceting/faceted-query.js';
import type { ExpertDocument } from '../../src/search/indexes/expert.document.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import type { SetRanker } from './technique-evaluation.js';

/** Staff see every expert, as matchExperts and the other systems rank every expert. */
const STAFF: Caller = {
  role: Role.STAFF,
  keyId: null,
  clusterIds: [],
  clusterSlugs: [],
  allowedOrigins: [],
};
const PAGE = 100;
/** A page bound, should an answer ever not end. */
const MAX_PAGES = 50;

/**
 * `searchExperts` as the API answers it, and the same search with the query taken as words only
 * (what it answered before it understood techniques and materials): every hit, page after page.
 */
export function searchSystems(
  app: INestApplicationContext,
  emailOf: Map<string, string>,
): Record<string, SetRanker> {
  const service = app.get(ExpertSearchService);
  const engine = app.get(SearchEngine);
  return {
    searchExperts: (text) =>
      pages(async (page) => {
        const result = await service.search({ query: text, page, hitsPerPage: PAGE }, STAFF);
        return result.hits.map((h) => h.expert.email ?? undefined);
      }),
    'searchExperts (words only, before)': (text) =>
      pages(async (page) => {
        const search = expertSearch(
          engine.index(EXPERTS_INDEX),
          { query: text, page, hitsPerPage: PAGE },
          STAFF,
        );
        const { main } = await runFacetedSearch<ExpertFacet, ExpertDocument>(engine.client, search);
        return main.hits.map((h) => emailOf.get(h.id));
      }),
  };
}

async function pages(
  page: (n: number) => Promise<(string | undefined)[]>,
): Promise<(string | undefined)[]> {
  const all: (string | undefined)[] = [];
  for (let n = 1; n <= MAX_PAGES; n++) {
    const hits = await page(n);
    all.push(...hits);
    if (hits.length < PAGE) break;
  }
  return all;
}
