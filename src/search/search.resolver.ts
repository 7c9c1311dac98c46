import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { badInput } from '../common/errors/domain-error.js';
import { ExpertFacet, PUBLIC_ONLY } from './expert-facets.js';
import { FacetValuesService } from './facet-values.service.js';
import { ExpertSearchInput } from './dto/expert-search.input.js';
import { ExpertSearchService } from './expert-search.service.js';
import { ExpertSearchResult, FacetValue } from './models/expert-search.models.js';

@Resolver()
export class SearchResolver {
  constructor(
    private readonly experts: ExpertSearchService,
    private readonly values: FacetValuesService,
  ) {}

  @Query(() => ExpertSearchResult, {
    description: 'Typo-tolerant, multilingual expert search with disjunctive facet counts.',
  })
  searchExperts(@Args('input') input: ExpertSearchInput) {
    return this.experts.search(input);
  }

  @Query(() => [FacetValue], {
    description: 'Autocomplete for a facet: values experts have, matched in any language.',
  })
  facetValues(
    @Args('facet', { type: () => ExpertFacet }) facet: ExpertFacet,
    @Args('query', { defaultValue: '' }) query: string,
    @Args('limit', { type: () => Int, defaultValue: 10 }) limit: number,
  ) {
    if (query.length > 100) throw badInput('query', 'must be at most 100 characters');
    if (limit < 1 || limit > 100) throw badInput('limit', 'must be between 1 and 100');
    return this.values.search(facet, query, limit, PUBLIC_ONLY);
  }
}
