import { Args, Query, Resolver } from '@nestjs/graphql';
import { ExpertSearchInput } from './dto/expert-search.input.js';
import { ExpertSearchService } from './expert-search.service.js';
import { ExpertSearchResult } from './models/expert-search.models.js';

@Resolver()
export class SearchResolver {
  constructor(private readonly experts: ExpertSearchService) {}

  @Query(() => ExpertSearchResult, {
    description: 'Typo-tolerant, multilingual expert search with disjunctive facet counts.',
  })
  searchExperts(@Args('input') input: ExpertSearchInput) {
    return this.experts.search(input);
  }
}
