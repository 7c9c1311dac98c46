import { describe, expect, it } from '@jest/globals';
import { highlightsOf } from '../../src/search/faceting/faceted-query.js';

describe('highlightsOf', () => {
  it('joins the marks the engine put on pieces of one word', () => {
    expect(highlightsOf({ name: 'Julie <mark>Mull</mark><mark>er</mark>' })).toEqual([
      { field: 'name', snippet: 'Julie <mark>Muller</mark>' },
    ]);
  });

  it('keeps apart the marks of separate words', () => {
    expect(highlightsOf({ name: '<mark>Van</mark> den <mark>Berg</mark>' })).toEqual([
      { field: 'name', snippet: '<mark>Van</mark> den <mark>Berg</mark>' },
    ]);
  });

  it('leaves out fields without a match and values that are not text', () => {
    expect(
      highlightsOf({ name: 'Julie Muller', id: 'x', tags: ['<mark>XRD</mark>'], count: 3 }),
    ).toEqual([]);
    expect(highlightsOf(undefined)).toEqual([]);
  });
});
