import { Injectable } from '@nestjs/common';
import type { MultiSearchQuery, SearchResponse } from 'meilisearch';
import type { Loaders } from '../../graphql/loaders.js';
import type { Caller } from '../../auth/caller.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import {
  EXPERT_HIT_ATTRIBUTES,
  gradedSort,
  narrowing,
  personProbe,
  withPersonProbe,
} from '../experts/expert-search.query.js';
import {
  QueryUnderstanding,
  type UnderstoodQuery,
} from '../understanding/query-understanding.service.js';
import { ExpertSearchService } from '../experts/expert-search.service.js';
import { FaqSearchService } from '../faq/faq-search.service.js';
import { QuestionSearchService } from '../forum/question-search.service.js';
import type { QuestionDocument } from '../indexes/question.document.js';
import type { FaqDocument } from '../indexes/faq.document.js';
import { visibleInSearch } from '../experts/expert-visibility.filter.js';
import type { ExpertDocument } from '../indexes/expert.document.js';
import { EXPERTS_INDEX } from '../indexes/experts.index.js';
import type { OrganisationDocument } from '../indexes/organisation.document.js';
import { ORGANISATIONS_INDEX } from '../indexes/organisations.index.js';
import { TECHNOLOGIES_INDEX } from '../indexes/technologies.index.js';
import type { TechnologyDocument } from '../indexes/technology.document.js';
import { OrganisationSearchService } from '../organisations/organisation-search.service.js';
import { TechnologySearchService } from '../technologies/technology-search.service.js';
import type { SearchOverview } from './search-overview.models.js';

/**
 * One query against every index in a single multi-search request. Each kind gets its own
 * `limit` rather than one merged ranking: a search box shows experts, organisations, techniques
 * FAQ entries and forum questions side by side, and a merged list would let forty experts crowd out the one
 * technique the user was after.
 */
@Injectable()
export class SearchOverviewService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly experts: ExpertSearchService,
    private readonly organisations: OrganisationSearchService,
    private readonly technologies: TechnologySearchService,
    private readonly understanding: QueryUnderstanding,
    private readonly faq: FaqSearchService,
    private readonly questions: QuestionSearchService,
  ) {}

  /**
   * The experts part holds only experts `caller` may see, narrowed like `searchExperts` to the
   * techniques and materials the query names (unless it names a person).
   */
  async search(
    q: string,
    limit: number,
    caller: Caller,
    loaders?: Pick<Loaders, 'expert'>,
  ): Promise<SearchOverview> {
    const understood = await this.understanding.understand(q);
    const expertIndex = this.engine.index(EXPERTS_INDEX);
    const expertsQuery = (u: UnderstoodQuery | null) =>
      query(EXPERTS_INDEX, {
        q: u ? u.text : q,
        filter: [...visibleInSearch(caller), ...narrowing(u)],
        sort: u ? gradedSort(u) : undefined,
        attributesToRetrieve: EXPERT_HIT_ATTRIBUTES,
        attributesToHighlight: ['name', 'jobTitle', 'technologies'],
      });
    const query = (index: string, extra: Partial<MultiSearchQuery> = {}): MultiSearchQuery => ({
      indexUid: this.engine.index(index),
      q,
      limit,
      attributesToHighlight: ['*'],
      highlightPreTag: '<mark>',
      highlightPostTag: '</mark>',
      ...extra,
    });
    const queries = [
      expertsQuery(understood),
      query(ORGANISATIONS_INDEX, { attributesToHighlight: ['name', 'acronym', 'city'] }),
      query(TECHNOLOGIES_INDEX, { attributesToHighlight: ['names', 'acronyms', 'synonyms'] }),
      this.faq.query(q, limit, caller),
      this.questions.query(q, limit, caller),
    ];
    const { result: results, person } = await withPersonProbe(
      personProbe(expertIndex, q, caller, understood),
      understood,
      async (beside) => {
        const { results } = await this.engine.client.multiSearch({
          queries: [...queries, ...beside],
        });
        return { result: results, probed: results[queries.length] as SearchResponse | undefined };
      },
    );
    const [narrowed, organisations, technologies, faq, questions] = results as unknown as [
      SearchResponse<ExpertDocument>,
      SearchResponse<OrganisationDocument>,
      SearchResponse<TechnologyDocument>,
      SearchResponse<FaqDocument>,
      SearchResponse<QuestionDocument>,
    ];
    const experts = person
      ? ((await this.engine.client.multiSearch({ queries: [expertsQuery(null)] }))
          .results[0] as unknown as SearchResponse<ExpertDocument>)
      : narrowed;
    return {
      experts: await this.experts.toHits(
        experts.hits,
        caller,
        loaders,
        undefined,
        person ? null : understood,
      ),
      expertTotal: experts.estimatedTotalHits ?? 0,
      organisations: await this.organisations.toHits(organisations.hits),
      organisationTotal: organisations.estimatedTotalHits ?? 0,
      technologies: await this.technologies.toHits(technologies.hits),
      technologyTotal: technologies.estimatedTotalHits ?? 0,
      faqEntries: await this.faq.toHits(faq.hits, caller),
      faqEntryTotal: faq.estimatedTotalHits ?? 0,
      questions: await this.questions.toHits(questions.hits, caller),
      questionTotal: questions.estimatedTotalHits ?? 0,
      processingTimeMs: Math.max(
        experts.processingTimeMs,
        organisations.processingTimeMs,
        technologies.processingTimeMs,
        faq.processingTimeMs,
        questions.processingTimeMs,
      ),
    };
  }
}
