import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { constraintMessage } from '../common/validation/constraint-message.js';
import { invalidTextAt } from '../common/validation/invalid-text.js';
import type { RawRecord } from './import-file.reader.js';
import type { Checked, Rejections } from './import-report.js';

/** The first problem of a row as `field: problem`, or null when the row is valid. */
export function validateRow<T extends object>(
  cls: new () => T,
  plain: object,
): { row: T; problem: string | null } {
  const row = plainToInstance(cls, plain);
  const invalid = invalidTextAt(plain);
  if (invalid) return { row, problem: `${invalid.field}: ${invalid.problem}` };
  const errors = validateSync(row, { whitelist: true, forbidUnknownValues: false });
  return { row, problem: errors.length ? describe(errors) : null };
}

/** Validates records of a kind known by its slug alone (clusters, materials, sectors). */
export function checkSlugRows<T extends { slug: string }>(
  cls: new () => T,
  toRow: (data: Record<string, unknown>) => object,
  records: RawRecord[],
  rejections: Rejections,
): Checked<T>[] {
  const seen = new Set<string>();
  const out: Checked<T>[] = [];
  for (const record of records) {
    const { row, problem } = validateRow(cls, toRow(record.data));
    const error =
      problem ?? (seen.has(row.slug) ? `slug: "${row.slug}" appears twice in the file` : null);
    if (error) {
      rejections.add(record.location, error);
      continue;
    }
    seen.add(row.slug);
    out.push({ location: record.location, row });
  }
  return out;
}

function describe(errors: ValidationError[], prefix = ''): string {
  for (const error of errors) {
    const field = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    if (error.constraints) return `${field}: ${constraintMessage(error)}`;
    if (error.children?.length) return describe(error.children, field);
  }
  return `${prefix || 'row'}: is invalid`;
}

export const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;

export const list = (value: unknown): string[] | undefined =>
  Array.isArray(value)
    ? value.map((v) => String(v))
    : typeof value === 'string'
      ? [value]
      : undefined;

export const number = (value: unknown): number | undefined => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
    return Number(value);
  return value === undefined || value === null ? undefined : (value as number);
};

/** URL-safe identifier from a name: "X-ray diffraction" → "x-ray-diffraction". */
export const slugify = (name: string): string =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
