import { describe, expect, it } from '@jest/globals';
import { invalidTextAt, textProblem } from '../../src/common/validation/invalid-text.js';

describe('text that cannot be stored', () => {
  it('accepts whole emoji and accents, refuses lone surrogates of either half and NUL', () => {
    expect(textProblem('Röntgen 🔬 ok')).toBeNull();
    expect(textProblem('Cleanish \ud83d')).toMatch(/Unicode/);
    expect(textProblem('\udd2c tail')).toMatch(/Unicode/);
    expect(textProblem('\udd2c\ud83d')).toMatch(/Unicode/);
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
  });

  it('names the path of the first bad string in arrays, objects and keys', () => {
    const input = Object.assign(Object.create(null) as object, {
      name: 'ok',
      filters: [{ values: ['LU', 'x\u0000'] }],
    });
    expect(invalidTextAt(input, 'input')).toMatchObject({ field: 'input.filters[0].values[1]' });
    expect(invalidTextAt({ a: { ['k\ud800']: 1 } })).toMatchObject({ field: 'a' });
    expect(invalidTextAt('\ud83d', 'query')).toMatchObject({ field: 'query' });
    expect(invalidTextAt(new Date(), 'since')).toBeNull();
    expect(invalidTextAt({ a: [1, null, 'fine'] })).toBeNull();
  });
});
