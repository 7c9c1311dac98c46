import { registerEnumType } from '@nestjs/graphql';

export enum TechnologyFacet {
  /** The root of the taxonomy the technique belongs to (Microscopy, Spectroscopy…). */
  CATEGORY = 'CATEGORY',
  /** The directly broader technique. */
  PARENT = 'PARENT',
}

export enum TechnologySort {
  RELEVANCE = 'RELEVANCE',
  NAME = 'NAME',
  EXPERT_COUNT = 'EXPERT_COUNT',
}

registerEnumType(TechnologyFacet, {
  name: 'TechnologyFacet',
  description: 'What technique search can filter and count by. Values are technique slugs.',
});
registerEnumType(TechnologySort, { name: 'TechnologySort' });

export const TECHNOLOGY_FACET_ATTRIBUTE: Record<TechnologyFacet, string> = {
  [TechnologyFacet.CATEGORY]: 'category',
  [TechnologyFacet.PARENT]: 'parent',
};
