import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '../../auth/caller.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { type Language, LANGUAGES } from '../../common/i18n/language.js';
import { OrganisationEntity } from '../../organisations/organisation.entity.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { FacetLabels } from '../faceting/facet-labels.service.js';
import type { FacetValue } from '../faceting/facet.models.js';
import { EXPERTS_INDEX } from '../indexes/experts.index.js';
import { ExpertFacet, FACET_ATTRIBUTE, FACET_LABELS } from './expert-facets.js';
import { visibleInSearch } from './expert-visibility.filter.js';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Autocomplete for facet values: the values experts actually have (counted in the index, for the
 * caller's visibility), matched against their labels in every language, their acronyms and
 * aliases, so "Röntgen", "DRX" and "x-ray" all offer X-ray diffraction, and "Allemagne" offers
 * DE; each comes back labelled in the language asked for.
 */
@Injectable()
export class FacetValuesService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly labels: FacetLabels,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async search(
    facet: ExpertFacet,
    query: string,
    limit: number,
    language: Language,
    caller: Caller,
  ): Promise<FacetValue[]> {
    const attribute = FACET_ATTRIBUTE[facet];
    const result = await this.engine.client.index(this.engine.index(EXPERTS_INDEX)).search('', {
      filter: visibleInSearch(caller),
      facets: [attribute],
      limit: 0,
    });
    const counts = result.facetDistribution?.[attribute] ?? {};
    const labelOf = await this.labels.labeller(FACET_LABELS[facet]);
    const aliases = await this.aliases(facet);
    const wanted = fold(query.trim());
    const matches = (raw: string) =>
      [raw, ...LANGUAGES.map((l) => labelOf(raw, l)), ...(aliases?.get(raw) ?? [])].some((name) =>
        fold(name).includes(wanted),
      );
    return Object.entries(counts)
      .filter(([raw]) => !wanted || matches(raw))
      .map(([raw, count]) => ({ raw, count, label: labelOf(raw, language) }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
      .slice(0, limit)
      .map((v) => ({
        value: facet === ExpertFacet.ORGANISATION ? toGlobalId('Organisation', v.raw) : v.raw,
        label: v.label,
        count: v.count,
      }));
  }

  /** Names a value is known by beside its labels: acronyms and synonyms, aliases. */
  private async aliases(facet: ExpertFacet): Promise<Map<string, string[]> | null> {
    switch (facet) {
      case ExpertFacet.TECHNOLOGY:
      case ExpertFacet.TECHNIQUE_CATEGORY: {
        const rows = await this.db
          .getRepository(TechnologyEntity)
          .find({ select: { slug: true, acronyms: true, synonyms: true } });
        return new Map(rows.map((t) => [t.slug, [...t.acronyms, ...t.synonyms]]));
      }
      case ExpertFacet.ORGANISATION: {
        const rows = await this.db
          .getRepository(OrganisationEntity)
          .find({ select: { id: true, acronym: true, aliases: true } });
        return new Map(rows.map((o) => [o.id, [...(o.acronym ? [o.acronym] : []), ...o.aliases]]));
      }
      case ExpertFacet.MATERIAL:
      case ExpertFacet.SECTOR:
      case ExpertFacet.SERVICE:
      case ExpertFacet.ORGANISATION_TYPE:
      case ExpertFacet.COUNTRY:
      case ExpertFacet.REGION:
      case ExpertFacet.LANGUAGE:
      case ExpertFacet.CLUSTER:
        return null;
    }
  }
}
