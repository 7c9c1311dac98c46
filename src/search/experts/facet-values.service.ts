import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '../../auth/caller.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { OrganisationEntity } from '../../organisations/organisation.entity.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { MaterialEntity, SectorEntity } from '../../vocabularies/vocabulary-entry.entity.js';
import { namesOf } from '../indexes/projection.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { ExpertFacet, FACET_ATTRIBUTE } from './expert-facets.js';
import { EXPERTS_INDEX } from '../indexes/experts.index.js';
import { visibleInSearch } from './expert-visibility.filter.js';
import type { FacetValue } from '../faceting/facet.models.js';

type Names = Map<string, string[]>;

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * Autocomplete for facet values: the values experts actually have (counted in the index, for the
 * caller's visibility), matched against their names in every language and their acronyms, so
 * "Röntgen", "DRX" and "x-ray" all offer X-ray diffraction.
 */
@Injectable()
export class FacetValuesService {
  constructor(
    private readonly engine: SearchEngine,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async search(
    facet: ExpertFacet,
    query: string,
    limit: number,
    caller: Caller,
  ): Promise<FacetValue[]> {
    const attribute = FACET_ATTRIBUTE[facet];
    const result = await this.engine.client.index(this.engine.index(EXPERTS_INDEX)).search('', {
      filter: visibleInSearch(caller),
      facets: [attribute],
      limit: 0,
    });
    const counts = result.facetDistribution?.[attribute] ?? {};
    const names = await this.names(facet);
    const wanted = fold(query.trim());
    return Object.entries(counts)
      .map(([raw, count]) => {
        const labels = names?.get(raw) ?? [raw];
        return { raw, count, labels, label: labels[0] ?? raw };
      })
      .filter((v) => !wanted || [v.raw, ...v.labels].some((l) => fold(l).includes(wanted)))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
      .slice(0, limit)
      .map((v) => ({
        value: facet === ExpertFacet.ORGANISATION ? toGlobalId('Organisation', v.raw) : v.raw,
        label: v.label,
        count: v.count,
      }));
  }

  /** Every name a value is known by, the display name first. */
  private async names(facet: ExpertFacet): Promise<Names | null> {
    const all = namesOf;
    switch (facet) {
      case ExpertFacet.TECHNOLOGY:
      case ExpertFacet.TECHNIQUE_CATEGORY: {
        const rows = await this.db.getRepository(TechnologyEntity).find();
        return new Map(rows.map((t) => [t.slug, [...all(t), ...t.acronyms, ...t.synonyms]]));
      }
      case ExpertFacet.MATERIAL:
        return new Map(
          (await this.db.getRepository(MaterialEntity).find()).map((m) => [m.slug, all(m)]),
        );
      case ExpertFacet.SECTOR:
        return new Map(
          (await this.db.getRepository(SectorEntity).find()).map((m) => [m.slug, all(m)]),
        );
      case ExpertFacet.ORGANISATION: {
        const rows = await this.db.getRepository(OrganisationEntity).find();
        return new Map(
          rows.map((o) => [o.id, [o.name, ...(o.acronym ? [o.acronym] : []), ...o.aliases]]),
        );
      }
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
