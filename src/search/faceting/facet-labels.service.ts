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

  /**
   * A labeller per source, each table read once and only when a source needs it; the translated
   * vocabularies (techniques, materials, sectors) together in one statement.
   */
  async load(sources: Iterable<LabelSource>): Promise<ReadonlyMap<LabelSource, LabelOf>> {
    const wanted = new Set(sources);
    const out = new Map<LabelSource, LabelOf>(
      await this.translatedLabellers([...wanted].filter(isTranslated)),
    );
    for (const source of wanted) if (!out.has(source)) out.set(source, await this.labeller(source));
    return out;
  }

  async labeller(source: LabelSource): Promise<LabelOf> {
    switch (source) {
      case 'technology':
      case 'material':
      case 'sector':
        return this.translated(source);
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

  private async translated(source: TranslatedSource): Promise<LabelOf> {
    return (await this.translatedLabellers([source]))[0]?.[1] ?? asIs;
  }

  /** The names of every row of `sources`' tables, read in one statement (UNION ALL). */
  private async translatedLabellers(
    sources: TranslatedSource[],
  ): Promise<[TranslatedSource, LabelOf][]> {
    if (sources.length === 0) return [];
    const selects = sources.map((source) => {
      const query = this.db
        .getRepository(TRANSLATED[source])
        .createQueryBuilder('row')
        .select(`'${source}'`, 'source');
      for (const column of NAME_COLUMNS) query.addSelect(`row.${column}`, column);
      return query.getQuery();
    });
    const rows = await this.db.query<(TranslatedRow & { source: TranslatedSource })[]>(
      selects.join(' UNION ALL '),
    );
    return sources.map((source) => {
      const bySlug = new Map(rows.filter((r) => r.source === source).map((r) => [r.slug, r]));
      const labelOf: LabelOf = (raw, language) => {
        const row = bySlug.get(raw);
        return row ? nameIn(row, language) : raw;
      };
      return [source, labelOf];
    });
  }
}

const TRANSLATED = {
  technology: TechnologyEntity,
  material: MaterialEntity,
  sector: SectorEntity,
} as const;

type TranslatedSource = keyof typeof TRANSLATED;

const NAME_COLUMNS = ['slug', 'name', 'nameFr', 'nameDe', 'nameNl'] as const;

const isTranslated = (source: LabelSource): source is TranslatedSource => source in TRANSLATED;

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
