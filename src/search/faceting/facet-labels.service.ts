import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ClusterEntity } from '../../clusters/cluster.entity.js';
import { countryName, languageName } from '../../common/i18n/display-names.js';
import { type Language, nameIn } from '../../common/i18n/language.js';
import { OrganisationEntity } from '../../organisations/organisation.entity.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { MaterialEntity, SectorEntity } from '../../vocabularies/vocabulary-entry.entity.js';
import { enumLabel } from './enum-labels.js';
import { type FacetValue, facetValues } from './facet.models.js';

/** Where the label of a facet's values comes from. */
export type LabelSource =
  | 'technology'
  | 'material'
  | 'sector'
  | 'cluster'
  | 'organisation'
  | 'country'
  | 'language'
  | 'organisationType'
  | 'service'
  | 'asIs';

/** The label of a raw facet value (a slug, code or storage id) in a language. */
export type LabelOf = (raw: string, language: Language) => string;

/** What a faceted search hands over to get its counts labelled. */
export interface FacetLabelling<F extends string> {
  facets: readonly F[];
  sourceOf: Readonly<Record<F, LabelSource>>;
  countsOf: (facet: F) => Record<string, number>;
  language: Language;
  /** Raw value → the value a filter accepts (storage ids → global ids). */
  publicValue?: (facet: F, raw: string) => string;
}

/**
 * The one place that knows what a facet value is called in a language: techniques, materials and
 * sectors by their name in that language (English when they have none), countries and languages
 * by the platform's CLDR names, enums by ENUM_LABELS, clusters and organisations by their own
 * (untranslated) names. Tables are read per request (a few hundred short rows): a cache would
 * show a renamed technique under its old name.
 */
@Injectable()
export class FacetLabels {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `facets` with their counts, labelled in `language`, most frequent first. */
  async label<F extends string>(
    request: FacetLabelling<F>,
  ): Promise<{ facet: F; values: FacetValue[] }[]> {
    const { facets, sourceOf, countsOf, language, publicValue } = request;
    const labellers = await this.load(facets.map((f) => sourceOf[f]));
    return facets.map((facet) => {
      const labelOf = labellers.get(sourceOf[facet]) ?? asIs;
      return {
        facet,
        values: facetValues(
          countsOf(facet),
          (raw) => labelOf(raw, language),
          publicValue ? (raw) => publicValue(facet, raw) : undefined,
        ),
      };
    });
  }

  /** A labeller per source, each table read once and only when a source needs it. */
  async load(sources: Iterable<LabelSource>): Promise<ReadonlyMap<LabelSource, LabelOf>> {
    const out = new Map<LabelSource, LabelOf>();
    for (const source of new Set(sources)) out.set(source, await this.labeller(source));
    return out;
  }

  async labeller(source: LabelSource): Promise<LabelOf> {
    switch (source) {
      case 'technology':
        return this.translated(TechnologyEntity);
      case 'material':
        return this.translated(MaterialEntity);
      case 'sector':
        return this.translated(SectorEntity);
      case 'cluster':
        return untranslated(
          await this.db.getRepository(ClusterEntity).find({ select: { slug: true, name: true } }),
          (c) => c.slug,
        );
      case 'organisation':
        return untranslated(
          await this.db
            .getRepository(OrganisationEntity)
            .find({ select: { id: true, name: true } }),
          (o) => o.id,
        );
      case 'country':
        return countryName;
      case 'language':
        return languageName;
      case 'organisationType':
        return (raw, language) => enumLabel('organisationType', raw, language);
      case 'service':
        return (raw, language) => enumLabel('service', raw, language);
      case 'asIs':
        return asIs;
    }
  }

  private async translated(
    entity: typeof TechnologyEntity | typeof MaterialEntity | typeof SectorEntity,
  ): Promise<LabelOf> {
    const rows = await this.db
      .getRepository<TranslatedRow>(entity)
      .find({ select: { slug: true, name: true, nameFr: true, nameDe: true, nameNl: true } });
    const bySlug = new Map(rows.map((r) => [r.slug, r]));
    return (raw, language) => {
      const row = bySlug.get(raw);
      return row ? nameIn(row, language) : raw;
    };
  }
}

interface TranslatedRow {
  slug: string;
  name: string;
  nameFr: string | null;
  nameDe: string | null;
  nameNl: string | null;
}

const asIs: LabelOf = (raw) => raw;

function untranslated<R extends { name: string }>(rows: R[], key: (row: R) => string): LabelOf {
  const names = new Map(rows.map((r) => [key(r), r.name]));
  return (raw) => names.get(raw) ?? raw;
}
