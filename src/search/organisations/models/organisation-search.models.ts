import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationModel } from '../../../organisations/models/organisation.model.js';
import { FacetValue, SearchHighlight } from '../../faceting/facet.models.js';
import { OrganisationFacet } from '../organisation-facets.js';

@ObjectType()
export class OrganisationSearchHit {
  @Field(() => OrganisationModel) organisation!: OrganisationModel;
  @Field(() => [SearchHighlight]) highlights!: SearchHighlight[];
  @Field(() => Float, { nullable: true, description: 'From `near`, in km.' })
  distanceKm!: number | null;
  @Field(() => Int, { description: 'Public experts working there.' }) expertCount!: number;
}

@ObjectType()
export class OrganisationFacetCounts {
  @Field(() => OrganisationFacet) facet!: OrganisationFacet;
  @Field(() => [FacetValue]) values!: FacetValue[];
}

@ObjectType()
export class OrganisationSearchResult {
  @Field(() => [OrganisationSearchHit]) hits!: OrganisationSearchHit[];
  @Field(() => Int) totalHits!: number;
  @Field(() => Int) page!: number;
  @Field(() => Int) totalPages!: number;
  @Field(() => Int) hitsPerPage!: number;
  @Field(() => [OrganisationFacetCounts]) facets!: OrganisationFacetCounts[];
  @Field(() => Int) processingTimeMs!: number;
}
