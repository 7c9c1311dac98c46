import { registerEnumType } from '@nestjs/graphql';
import type { LabelSource } from '../faceting/facet-labels.service.js';

export enum ExpertFacet {
  TECHNOLOGY = 'TECHNOLOGY',
  TECHNIQUE_CATEGORY = 'TECHNIQUE_CATEGORY',
  MATERIAL = 'MATERIAL',
  SECTOR = 'SECTOR',
  SERVICE = 'SERVICE',
  ORGANISATION = 'ORGANISATION',
  ORGANISATION_TYPE = 'ORGANISATION_TYPE',
  COUNTRY = 'COUNTRY',
  REGION = 'REGION',
  LANGUAGE = 'LANGUAGE',
  CLUSTER = 'CLUSTER',
}

export enum ExpertSort {
  RELEVANCE = 'RELEVANCE',
  NAME = 'NAME',
  DISTANCE = 'DISTANCE',
  RECENTLY_VERIFIED = 'RECENTLY_VERIFIED',
}

registerEnumType(ExpertFacet, {
  name: 'ExpertFacet',
  description: 'What expert search can filter and count by. Values are slugs, codes or ids.',
});
registerEnumType(ExpertSort, { name: 'ExpertSort' });

/** The document attribute behind each facet. */
export const FACET_ATTRIBUTE: Record<ExpertFacet, string> = {
  [ExpertFacet.TECHNOLOGY]: 'technologySlugs',
  [ExpertFacet.TECHNIQUE_CATEGORY]: 'techniqueCategories',
  [ExpertFacet.MATERIAL]: 'materials',
  [ExpertFacet.SECTOR]: 'sectors',
  [ExpertFacet.SERVICE]: 'services',
  [ExpertFacet.ORGANISATION]: 'organisation.id',
  [ExpertFacet.ORGANISATION_TYPE]: 'organisation.type',
  [ExpertFacet.COUNTRY]: 'organisation.country',
  [ExpertFacet.REGION]: 'organisation.region',
  [ExpertFacet.LANGUAGE]: 'languages',
  [ExpertFacet.CLUSTER]: 'clusters',
};

/** Where the labels of each facet's values come from. */
export const FACET_LABELS: Record<ExpertFacet, LabelSource> = {
  [ExpertFacet.TECHNOLOGY]: 'technology',
  [ExpertFacet.TECHNIQUE_CATEGORY]: 'technology',
  [ExpertFacet.MATERIAL]: 'material',
  [ExpertFacet.SECTOR]: 'sector',
  [ExpertFacet.SERVICE]: 'service',
  [ExpertFacet.ORGANISATION]: 'organisation',
  [ExpertFacet.ORGANISATION_TYPE]: 'organisationType',
  [ExpertFacet.COUNTRY]: 'country',
  [ExpertFacet.REGION]: 'asIs',
  [ExpertFacet.LANGUAGE]: 'language',
  [ExpertFacet.CLUSTER]: 'cluster',
};
