import { join } from 'node:path';
import { packageFile } from '../common/package-root.js';
import { ImportFileError, type RawRecord, readImportFile } from '../importer/import-file.reader.js';
import { type Checked, Rejections } from '../importer/import-report.js';
import type { VocabularyImportRow } from '../importer/vocabulary.rows.js';
import { type CheckedDemoData, checkDemoRecords, type DemoHints } from './demo/demo-data.checks.js';
import type { DemoLists, DemoVocabularyEntry } from './demo/demo-types.js';

/** `demo-data/` at the package root (the repository, or /app in the image). */
export const DEMO_DATA_DIR = packageFile('demo-data');

const FILES = [
  'clusters.json',
  'organisations.json',
  'technologies.json',
  'vocabularies.json',
  'instruments.json',
];

export class DemoDataError extends Error {}

let cached: DemoLists | undefined;

/** The lists of `demo-data/`, read and checked once per process. */
export function demoLists(): DemoLists {
  return (cached ??= readDemoLists());
}

/**
 * Reads the demo's fixed lists with the importer's reader and checks them with the importer's
 * checks. Any refused record throws, naming file, record and field, so broken demo data never
 * reaches a database.
 */
export function readDemoLists(dir = DEMO_DATA_DIR): DemoLists {
  const records = FILES.flatMap((file) => readFile(join(dir, file)));
  const rejections = new Rejections();
  const checked = checkDemoRecords(records, rejections);
  const refused = rejections.list();
  if (refused.length) {
    const lines = refused.map((r) => `  ${r.location}: ${r.problem}`);
    throw new DemoDataError(`demo data refused:\n${lines.join('\n')}`);
  }
  return toDemoLists(checked);
}

/** Every record's location names its file: "…/organisations.json, organisations record 3". */
function readFile(path: string): RawRecord[] {
  try {
    return readImportFile(path).map((r) => ({ ...r, location: `${path}, ${r.location}` }));
  } catch (error) {
    if (error instanceof ImportFileError) throw new DemoDataError(`${path}: ${error.message}`);
    throw error;
  }
}

/** Import rows in the generator's shapes (their key order is the dataset's JSON order). */
function toDemoLists(data: CheckedDemoData): DemoLists {
  return {
    clusters: data.clusters.map(({ row }) => ({
      slug: row.slug,
      name: row.name,
      description: row.description ?? '',
      website: row.website ?? null,
    })),
    organisations: data.organisations.map(({ location, row }) => {
      const { key, focus } = data.hints.get(location) as DemoHints;
      return {
        key,
        name: row.name,
        acronym: row.acronym ?? null,
        type: row.type,
        city: row.city as string,
        region: row.region as string,
        country: row.country,
        latitude: row.latitude as number,
        longitude: row.longitude as number,
        website: row.website ?? null,
        clusters: row.clusters ?? [],
        focus,
        aliases: row.aliases ?? [],
        description: row.description ?? '',
      };
    }),
    techniques: data.techniques.map(({ row }) => ({
      slug: row.slug,
      parent: row.parent ?? null,
      names: names(row),
      acronyms: row.acronyms ?? [],
      synonyms: row.synonyms ?? [],
      description: row.description ?? '',
      ...(row.chmoId ? { chmoId: row.chmoId } : {}),
    })),
    materials: data.materials.map(vocabularyEntry),
    sectors: data.sectors.map(vocabularyEntry),
    instrumentModels: data.models,
  };
}

const names = (row: Omit<VocabularyImportRow, 'slug'>) => ({
  en: row.name,
  fr: row.nameFr ?? null,
  de: row.nameDe ?? null,
  nl: row.nameNl ?? null,
});

const vocabularyEntry = ({ row }: Checked<VocabularyImportRow>): DemoVocabularyEntry => ({
  slug: row.slug,
  names: names(row),
});
