import { describe, expect, it } from '@jest/globals';
import { looksPersonal, normaliseQuery } from '../../src/demand/query-normaliser.js';

describe('normalising a search query for demand records', () => {
  it('trims, collapses blanks and lower-cases', () => {
    expect(normaliseQuery('  X-Ray   Diffraction\tof STEEL ')).toBe('x-ray diffraction of steel');
  });

  it('keeps at most 200 characters', () => {
    const long = `${'a'.repeat(150)} ${'b'.repeat(150)}`;
    expect(normaliseQuery(long)).toHaveLength(200);
    expect(normaliseQuery(`${'a'.repeat(199)} b`)).toBe('a'.repeat(199));
  });

  it('records nothing for an empty query', () => {
    expect(normaliseQuery('')).toBeNull();
    expect(normaliseQuery('   ')).toBeNull();
    expect(normaliseQuery(undefined)).toBeNull();
  });

  it.each([
    'jane.doe@example.com',
    'contact Jane.Doe@Example.LU about XRD',
    '+352 621 123 456',
    '(0)6 21 12 34 56',
    'call 0621123456',
    'tel 22 33 44 55 66',
  ])('drops "%s", which looks like contact details', (query) => {
    expect(looksPersonal(query.toLowerCase())).toBe(true);
    expect(normaliseQuery(query)).toBeNull();
  });

  it.each([
    'ISO 17025 accredited XRD',
    'EN 10204 3.1',
    'SEM @ 20 kV',
    'C-14 dating',
    'EN 1090-2:2018',
  ])('keeps "%s", which only holds short numbers', (query) => {
    expect(normaliseQuery(query)).toBe(query.toLowerCase());
  });
});
