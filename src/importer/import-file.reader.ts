import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import { UserError } from '../common/errors/user-error.js';

/** In the order they are written: a later kind may name records of an earlier one. */
export const IMPORT_KINDS = [
  'clusters',
  'organisations',
  'technologies',
  'materials',
  'sectors',
  'instruments',
  'experts',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One record of an import file and where it came from, for error reports. */
export interface RawRecord {
  kind: ImportKind;
  /** `line 17` for CSV (the header is line 1), `record 12` for JSON. */
  location: string;
  data: Record<string, unknown>;
}

export class ImportFileError extends UserError {}

/**
 * Reads a JSON file (an array of records, or an object with one array per kind:
 * `{ clusters, organisations, technologies, materials, sectors, instruments, experts }`) or a CSV
 * file (a header row, one record per row) and tells which kind each record is.
 */
export function readImportFile(path: string, kind?: ImportKind): RawRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ImportFileError(`cannot read ${path}: ${(error as Error).message}`);
  }
  return extname(path).toLowerCase() === '.csv' ? readCsv(text, kind) : readJson(text, kind);
}

function readJson(text: string, kind?: ImportKind): RawRecord[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(`not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(value)) {
    const records = value.map((data: unknown, i) => ({
      data: asObject(data),
      location: `record ${i + 1}`,
    }));
    const fileKind = kind ?? detectKind(records[0]?.data ?? {});
    return records.map((r) => ({ ...r, kind: fileKind }));
  }
  const sections = asObject(value);
  const records: RawRecord[] = [];
  for (const section of IMPORT_KINDS) {
    const list = sections[section];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw new ImportFileError(`"${section}" must be an array`);
    list.forEach((data: unknown, i) =>
      records.push({ kind: section, data: asObject(data), location: `${section} record ${i + 1}` }),
    );
  }
  if (records.length === 0 && Object.keys(sections).length) {
    throw new ImportFileError(`expected an array or an object with ${IMPORT_KINDS.join(', ')}`);
  }
  return records;
}

function readCsv(text: string, kind?: ImportKind): RawRecord[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    });
  } catch (error) {
    throw new ImportFileError(`not valid CSV: ${(error as Error).message}`);
  }
  const fileKind = kind ?? detectKind(rows[0]?.record ?? {});
  // `info.lines` is the line on which the record ends: the physical line for one-line records.
  return rows.map(({ record, info }) => ({
    kind: fileKind,
    location: `line ${info.lines}`,
    data: fromCsvCells(record),
  }));
}

/** List cells hold several values separated by `;` or `|`; empty cells mean "absent". */
const LIST_COLUMNS = new Set([
  'aliases',
  'acronyms',
  'synonyms',
  'clusters',
  'languages',
  'skills',
  'materials',
  'sectors',
  'services',
  'types',
]);

function fromCsvCells(record: Record<string, string>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(record)) {
    if (cell === '') continue;
    data[column] = LIST_COLUMNS.has(column)
      ? cell
          .split(/[;|]/)
          .map((v) => v.trim())
          .filter(Boolean)
      : cell;
  }
  return data;
}

/**
 * Decides a file's kind from its first record, when not given. Clusters, materials and sectors
 * look like techniques (a slug and a name): they need `--kind` or the object form.
 */
export function detectKind(sample: Record<string, unknown>): ImportKind {
  if ('email' in sample) return 'experts';
  if ('accessMode' in sample) return 'instruments';
  const id = typeof sample.id === 'string' ? sample.id : '';
  if (
    id.startsWith('https://ror.org/') ||
    'types' in sample ||
    'rorId' in sample ||
    'country' in sample
  ) {
    return 'organisations';
  }
  if ('acronyms' in sample || 'parent' in sample || 'same_as' in sample || 'slug' in sample) {
    return 'technologies';
  }
  throw new ImportFileError(
    `cannot tell what the file holds: pass --kind ${IMPORT_KINDS.join('|')}`,
  );
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
