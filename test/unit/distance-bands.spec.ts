import { describe, expect, it } from '@jest/globals';
import {
  bandsByDistance,
  MAX_TOTAL_HITS,
  pageSlices,
} from '../../src/search/experts/nearby-organisations.js';

describe('distance bands', () => {
  it('groups organisations at one distance, nearest group first', () => {
    const positions = new Map([
      ['far', { lat: 1, lng: 0 }],
      ['twin-b', { lat: 0.5, lng: 0 }],
      ['here', { lat: 0, lng: 0 }],
      ['twin-a', { lat: 0.5, lng: 0 }],
    ]);
    expect(bandsByDistance({ lat: 0, lng: 0 }, positions)).toEqual([
      ['here'],
      ['twin-a', 'twin-b'],
      ['far'],
    ]);
  });

  it('cuts a page from the bands that hold it, skipping empty ones', () => {
    const bands = [['a'], ['empty'], ['b', 'c'], ['d']];
    const counts: Record<string, number> = { a: 3, empty: 0, b: 2, c: 2, d: 5 };
    const slices = (offset: number, limit: number) =>
      pageSlices(bands, (id) => counts[id] ?? 0, offset, limit);
    expect(slices(0, 2)).toEqual([{ organisations: ['a'], offset: 0, limit: 2 }]);
    expect(slices(2, 4)).toEqual([
      { organisations: ['a'], offset: 2, limit: 1 },
      { organisations: ['b', 'c'], offset: 0, limit: 3 },
    ]);
    expect(slices(3, 20)).toEqual([
      { organisations: ['b', 'c'], offset: 0, limit: 4 },
      { organisations: ['d'], offset: 0, limit: 5 },
    ]);
    expect(slices(12, 5)).toEqual([]);
  });

  it('reaches no further than the engine lets a search reach', () => {
    const slices = pageSlices([['a']], () => MAX_TOTAL_HITS + 50, MAX_TOTAL_HITS - 10, 20);
    expect(slices).toEqual([{ organisations: ['a'], offset: MAX_TOTAL_HITS - 10, limit: 10 }]);
  });
});
