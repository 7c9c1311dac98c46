import { PickType } from '@nestjs/mapped-types';
import { ArrayNotEmpty, IsArray, IsString } from 'class-validator';
import { IsSlug } from '../../common/validation/decorators.js';
import { checkClusters } from '../../importer/cluster.import.js';
import type { ClusterImportRow } from '../../importer/cluster.rows.js';
import {
  IMPORT_KINDS,
  type ImportKind,
  type RawRecord,
} from '../../importer/import-file.reader.js';
import type { Checked, Rejections } from '../../importer/import-report.js';
import { InstrumentImportRow, toInstrumentRow } from '../../importer/instrument.rows.js';
import { checkOrganisationRecords } from '../../importer/organisation.import.js';
import type { OrganisationImportRow } from '../../importer/organisation.rows.js';
import { validateRow } from '../../importer/row-validation.js';
import {
  type CheckedTechnology,
  checkTechnologyRecords,
} from '../../importer/technology.import.js';
import { checkVocabulary } from '../../importer/vocabulary.import.js';
import type { VocabularyImportRow } from '../../importer/vocabulary.rows.js';
import { DEMO_PROFILES } from './profiles.js';

/** Every kind but experts: the generator makes those. */
const KINDS: readonly ImportKind[] = IMPORT_KINDS.filter((kind) => kind !== 'experts');

/** Fields the import leaves optional but the demo needs: it places experts and requests. */
const PLACE = ['city', 'region', 'latitude', 'longitude'] as const;

/** What the generator needs of an organisation beyond its import record: `"demo": {...}`. */
export class DemoHints {
  @IsSlug() key!: string;
  @IsArray() @ArrayNotEmpty() @IsString({ each: true }) focus!: string[];
}

/** A model of the instrument catalogue: an instrument record before the demo places it. */
class InstrumentModelRow extends PickType(InstrumentImportRow, ['name', 'technology']) {}

export interface CheckedDemoData {
  clusters: Checked<ClusterImportRow>[];
  organisations: Checked<OrganisationImportRow>[];
  /** The `demo` hints of each organisation, by record location. */
  hints: Map<string, DemoHints>;
  techniques: CheckedTechnology[];
  materials: Checked<VocabularyImportRow>[];
  sectors: Checked<VocabularyImportRow>[];
  /** Instrument models by technique slug, in file order. */
  models: Map<string, string[]>;
}

/**
 * The importer's checks on the demo records alone (no database: every reference must be in the
 * files), then what only the generator needs: hints, places, a known technique per model, and
 * profiles that name only what the files hold. Problems go to `rejections`.
 */
export function checkDemoRecords(records: RawRecord[], rejections: Rejections): CheckedDemoData {
  const of = (kind: ImportKind) => records.filter((r) => r.kind === kind);
  for (const record of records.filter((r) => !KINDS.includes(r.kind)))
    rejections.add(record.location, `the demo data holds no ${record.kind}: they are generated`);
  const clusters = checkClusters(of('clusters'), rejections);
  const clusterSlugs = new Set(clusters.map((c) => c.row.slug));
  const organisations = checkOrganisationRecords(of('organisations'), clusterSlugs, rejections);
  for (const { location, row } of organisations) {
    const unplaced = PLACE.find((field) => row[field] === null || row[field] === undefined);
    if (unplaced)
      rejections.add(location, `${unplaced}: the demo needs every organisation's place`);
  }
  const hints = checkHints(of('organisations'), rejections);
  const techniques = checkTechnologyRecords(of('technologies'), new Map(), rejections);
  const slugs = new Set(techniques.map((t) => t.row.slug));
  const materials = checkVocabulary(of('materials'), rejections);
  const sectors = checkVocabulary(of('sectors'), rejections);
  const models = checkModels(of('instruments'), slugs, rejections);
  checkProfiles(slugs, materials, sectors, rejections);
  return { clusters, organisations, hints, techniques, materials, sectors, models };
}

function checkHints(records: RawRecord[], rejections: Rejections): Map<string, DemoHints> {
  const profiles = new Set(DEMO_PROFILES.map((p) => p.key));
  const keys = new Set<string>();
  const hints = new Map<string, DemoHints>();
  for (const { location, data } of records) {
    const { row, problem } = validateRow(DemoHints, asObject(data.demo));
    const unknown = problem ? undefined : row.focus.find((f) => !profiles.has(f));
    const error = problem
      ? `demo.${problem}`
      : unknown
        ? `demo.focus: no profile "${unknown}" in src/seed/demo/profiles.ts`
        : keys.has(row.key)
          ? `demo.key: "${row.key}" appears twice`
          : null;
    if (error) {
      rejections.add(location, error);
      continue;
    }
    keys.add(row.key);
    hints.set(location, row);
  }
  return hints;
}

function checkModels(
  records: RawRecord[],
  techniques: ReadonlySet<string>,
  rejections: Rejections,
): Map<string, string[]> {
  const models = new Map<string, string[]>();
  for (const { location, data } of records) {
    const { row, problem } = validateRow(InstrumentModelRow, toInstrumentRow(data));
    const error =
      problem ??
      (techniques.has(row.technology) ? null : `technology: no technique "${row.technology}"`);
    if (error) rejections.add(location, error);
    else models.set(row.technology, [...(models.get(row.technology) ?? []), row.name]);
  }
  return models;
}

/** The generator's profiles (code) must name only what the lists (data) hold. */
function checkProfiles(
  techniques: ReadonlySet<string>,
  materials: Checked<VocabularyImportRow>[],
  sectors: Checked<VocabularyImportRow>[],
  rejections: Rejections,
): void {
  const has = (rows: Checked<VocabularyImportRow>[]) => new Set(rows.map((r) => r.row.slug));
  const known = { techniques, materials: has(materials), sectors: has(sectors) };
  for (const p of DEMO_PROFILES) {
    const missing = [
      ...[...p.core, ...p.optional].filter((s) => !known.techniques.has(s)),
      ...p.materials.filter((s) => !known.materials.has(s)),
      ...p.sectors.filter((s) => !known.sectors.has(s)),
    ];
    if (missing.length)
      rejections.add(
        `src/seed/demo/profiles.ts, profile ${p.key}`,
        `names "${missing.join('", "')}", absent from the demo data`,
      );
  }
}

const asObject = (value: unknown): object =>
  typeof value === 'object' && value !== null ? value : {};
