import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { PERSON_SESSIONS } from '../auth/person-sessions.js';
import { DemandModule } from '../demand/demand.module.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { PeopleModule } from '../people/people.module.js';
import { SessionsService } from '../people/sessions.service.js';
import { SearchEngine } from './engine/search-engine.service.js';
import { SearchTokenKey } from './tokens/search-token-key.service.js';
import { SearchTokenLimits } from './tokens/search-token-limits.js';
import { SearchTokenVerifier } from './tokens/search-token-verifier.service.js';
import { SearchTokensResolver } from './tokens/search-tokens.resolver.js';
import { SearchTokensService } from './tokens/search-tokens.service.js';
import { FacetLabels } from './faceting/facet-labels.service.js';
import { FaqSearchService } from './faq/faq-search.service.js';
import { QuestionSearchService } from './forum/question-search.service.js';
import { OrganisationSearchService } from './organisations/organisation-search.service.js';
import { SearchOverviewService } from './overview/search-overview.service.js';
import { TechnologySearchService } from './technologies/technology-search.service.js';
import { ExpertSearchService } from './experts/expert-search.service.js';
import { ExpertSearchHitResolver } from './experts/expert-search-hit.resolver.js';
import { QueryUnderstanding } from './understanding/query-understanding.service.js';
import { SearchOutbox } from './outbox/search-outbox.service.js';
import { FacetValuesService } from './experts/facet-values.service.js';
import { SearchMaintenance } from './maintenance/search-maintenance.service.js';
import { SearchResolver } from './search.resolver.js';
import { SearchProxyController } from './proxy/search-proxy.controller.js';
import { SearchProxy } from './proxy/search-proxy.service.js';
import { FacetSearch } from './proxy/facet-search.service.js';
import { SearchPurge } from './sync/search-purge.service.js';
import { SearchRelay } from './sync/search-relay.service.js';

/**
 * Everything that talks to Meilisearch. Features see only `SearchOutbox`, through which their
 * writes mark documents stale inside their own transactions; health asks `SearchEngine` how the
 * engine is; the edge asks `SearchTokenVerifier` who a search token stands for. The commands
 * reach the relay and maintenance through the application context.
 */
@Module({
  // Searches are recorded as demand (DemandInterceptor); /search asks the people module whether
  // the session that minted a token still lasts, and the auth module whether its key is active;
  // anonymous token mints are rate limited.
  imports: [AuthModule, DemandModule, PeopleModule, RateLimitsModule],
  providers: [
    { provide: PERSON_SESSIONS, useExisting: SessionsService },
    SearchEngine,
    SearchOutbox,
    SearchRelay,
    ExpertSearchService,
    QueryUnderstanding,
    OrganisationSearchService,
    TechnologySearchService,
    SearchOverviewService,
    FaqSearchService,
    QuestionSearchService,
    FacetLabels,
    SearchTokenKey,
    SearchTokenVerifier,
    SearchTokenLimits,
    SearchTokensService,
    SearchTokensResolver,
    FacetValuesService,
    SearchResolver,
    ExpertSearchHitResolver,
    SearchMaintenance,
    SearchPurge,
    SearchProxy,
    FacetSearch,
  ],
  controllers: [SearchProxyController],
  // SearchTokenVerifier: the edge checks search tokens sent to GraphQL with it.
  exports: [SearchOutbox, SearchEngine, SearchPurge, SearchRelay, SearchTokenVerifier],
})
export class SearchModule {}
