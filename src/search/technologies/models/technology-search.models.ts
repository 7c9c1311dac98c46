import { Field, Int, ObjectType } from '@nestjs/graphql';
import { TechnologyModel } from '../../../technologies/models/technology.model.js';
import { FacetValue, SearchHighlight } from '../../faceting/facet.models.js';
import { TechnologyFacet } from '../technology-facets.js';

@ObjectType()
export class TechnologySearchHit {
  @Field(() => TechnologyModel) technology!: TechnologyModel;
  @Field(() => [TechnologyModel], {
    description: 'From the root category down to the technique, inclusive.',
  })
  path!: TechnologyModel[];
  @Field(() => [SearchHighlight]) highlights!: SearchHighlight[];
  @Field(() => Int, { description: 'Public experts who master this technique.' })
  expertCount!: number;
}

@ObjectType()
export class TechnologyFacetCounts {
  @Field(() => TechnologyFacet) facet!: TechnologyFacet;
  @Field(() => [FacetValue]) values!: FacetValue[];
}

@ObjectType()
export class TechnologySearchResult {
  @Field(() => [TechnologySearchHit]) hits!: TechnologySearchHit[];
  @Field(() => Int) totalHits!: number;
  @Field(() => Int) page!: number;
  @Field(() => Int) totalPages!: number;
  @Field(() => Int) hitsPerPage!: number;
  @Field(() => [TechnologyFacetCounts]) facets!: TechnologyFacetCounts[];
  @Field(() => Int) processingTimeMs!: number;
}
