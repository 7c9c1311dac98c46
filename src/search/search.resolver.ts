import { UseInterceptors } from '@nestjs/common';
import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selects } from '../common/graphql/selection.js';
import { languageOr } from '../common/i18n/language.js';
import { DemandInterceptor } from '../demand/demand.interceptor.js';
import type { RequestContext } from '../graphql/loaders.js';
import { ExpertSearchInput } from './experts/dto/expert-search.input.js';
import { FacetValuesArgs } from './experts/dto/facet-values.args.js';
import { ExpertSearchService } from './experts/expert-search.service.js';
import { FacetValuesService } from './experts/facet-values.service.js';
import { ExpertSearchResult } from './experts/models/expert-search.models.js';
import { FacetValue } from './faceting/facet.models.js';
import { OrganisationSearchInput } from './organisations/dto/organisation-search.input.js';
import { OrganisationSearchResult } from './organisations/models/organisation-search.models.js';
import { OrganisationSearchService } from './organisations/organisation-search.service.js';
import { SearchOverviewArgs } from './overview/dto/search-overview.args.js';
import { SearchOverview } from './overview/search-overview.models.js';
import { SearchOverviewService } from './overview/search-overview.service.js';
import { TechnologySearchInput } from './technologies/dto/technology-search.input.js';
import { TechnologySearchResult } from './technologies/models/technology-search.models.js';
import { TechnologySearchService } from './technologies/technology-search.service.js';

@Resolver()
@UseInterceptors(DemandInterceptor)
export class SearchResolver {
  constructor(
    private readonly experts: ExpertSearchService,
    private readonly organisations: OrganisationSearchService,
    private readonly technologies: TechnologySearchService,
    private readonly overview: SearchOverviewService,
    private readonly values: FacetValuesService,
  ) {}

  @Query(() => ExpertSearchResult, {
    description: 'Typo-tolerant, multilingual expert search with disjunctive facet counts.',
  })
  searchExperts(
    @Args('input') input: ExpertSearchInput,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.experts.search(input, ctx.caller, ctx.loaders, {
      matchedTechnologies: selects(info, ['hits', 'matchedTechnologies']),
      highlights: selects(info, ['hits', 'highlights']),
    });
  }

  @Query(() => OrganisationSearchResult, {
    description: 'Organisations by name, place, instruments and the techniques they offer.',
  })
  searchOrganisations(@Args('input') input: OrganisationSearchInput) {
    return this.organisations.search(input);
  }

  @Query(() => TechnologySearchResult, {
    description:
      'Techniques by name in any language, acronym or synonym, with their taxonomy path.',
  })
  searchTechnologies(@Args('input') input: TechnologySearchInput) {
    return this.technologies.search(input);
  }

  @Query(() => SearchOverview, {
    description:
      'The best experts, organisations, techniques, FAQ entries and forum questions for one query, in one request, each as the caller may see them.',
  })
  search(@Args() { query, limit }: SearchOverviewArgs, @Context() ctx: RequestContext) {
    return this.overview.search(query, limit, ctx.caller, ctx.loaders);
  }

  @Query(() => [FacetValue], {
    description: 'Autocomplete for a facet: values experts have, matched in any language.',
  })
  facetValues(
    @Args() { facet, query, limit, language }: FacetValuesArgs,
    @Context() ctx: RequestContext,
  ) {
    return this.values.search(facet, query, limit, languageOr(language), ctx.caller);
  }
}
