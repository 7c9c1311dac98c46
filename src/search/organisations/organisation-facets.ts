import { registerEnumType } from '@nestjs/graphql';
import type { LabelSource } from '../faceting/facet-labels.service.js';

export enum OrganisationFacet {
  ORGANISATION_TYPE = 'ORGANISATION_TYPE',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  CLUSTER = 'CLUSTER',
  TECHNOLOGY = 'TECHNOLOGY',
  TECHNIQUE_CATEGORY = 'TECHNIQUE_CATEGORY',
}

export enum OrganisationSort {
  RELEVANCE = 'RELEVANCE',
  NAME = 'NAME',
  DISTANCE = 'DISTANCE',
  EXPERT_COUNT = 'EXPERT_COUNT',
}

registerEnumType(OrganisationFacet, {
  name: 'OrganisationFacet',
  description:
    'What organisation search can filter and count by. TECHNOLOGY counts the techniques of its instruments and public experts.',
});
registerEnumType(OrganisationSort, { name: 'OrganisationSort' });

export const ORGANISATION_FACET_ATTRIBUTE: Record<OrganisationFacet, string> = {
  [OrganisationFacet.ORGANISATION_TYPE]: 'type',
  [OrganisationFacet.COUNTRY]: 'country',
  [OrganisationFacet.REGION]: 'region',
  [OrganisationFacet.CLUSTER]: 'clusters',
  [OrganisationFacet.TECHNOLOGY]: 'technologySlugs',
  [OrganisationFacet.TECHNIQUE_CATEGORY]: 'techniqueCategories',
};

export const ORGANISATION_FACET_LABELS: Record<OrganisationFacet, LabelSource> = {
  [OrganisationFacet.ORGANISATION_TYPE]: 'organisationType',
  [OrganisationFacet.COUNTRY]: 'country',
  [OrganisationFacet.REGION]: 'asIs',
  [OrganisationFacet.CLUSTER]: 'cluster',
  [OrganisationFacet.TECHNOLOGY]: 'technology',
  [OrganisationFacet.TECHNIQUE_CATEGORY]: 'technology',
};
