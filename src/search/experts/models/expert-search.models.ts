import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ExpertModel } from '../../../experts/models/expert.model.js';
import { FacetValue, SearchHighlight } from '../../faceting/facet.models.js';
import { ExpertFacet } from '../expert-facets.js';
import { QueryUnderstandingModel } from '../../understanding/models/query-understanding.models.js';

@ObjectType()
export class ExpertSearchHit {
  @Field(() => ExpertModel) expert!: ExpertModel;
  /** Slugs of the expert's techniques the query matched; `matchedTechnologies` reads them. */
  matchedSlugs!: string[];
  @Field(() => [SearchHighlight]) highlights!: SearchHighlight[];
  @Field(() => Float, { nullable: true, description: 'From `near`, in km.' }) distanceKm!:
    number | null;
}

@ObjectType()
export class FacetCounts {
  @Field(() => ExpertFacet) facet!: ExpertFacet;
  @Field(() => [FacetValue]) values!: FacetValue[];
}

@ObjectType()
export class ExpertSearchResult {
  @Field(() => [ExpertSearchHit]) hits!: ExpertSearchHit[];
  @Field(() => Int) totalHits!: number;
  @Field(() => Int) page!: number;
  @Field(() => Int) totalPages!: number;
  @Field(() => Int) hitsPerPage!: number;
  @Field(() => [FacetCounts]) facets!: FacetCounts[];
  @Field(() => Int) processingTimeMs!: number;
  @Field(() => QueryUnderstandingModel, {
    description:
      'The techniques and materials the query named, which narrowed the hits, the totals and the facet counts (show "filtered on X-ray diffraction").',
  })
  understood!: QueryUnderstandingModel;
}
