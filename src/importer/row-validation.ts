import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { constraintMessage } from '../common/validation/constraint-message.js';

/** The first problem of a row as `field: problem`, or null when the row is valid. */
export function validateRow<T extends object>(
  cls: new () => T,
  plain: object,
): { row: T; problem: string | null } {
  const row = plainToInstance(cls, plain);
  const errors = validateSync(row, { whitelist: true, forbidUnknownValues: false });
  return { row, problem: errors.length ? describe(errors) : null };
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
