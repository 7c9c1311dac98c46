import { describe, expect, it } from '@jest/globals';
import { rootOf, subtreeOf, wouldCycle } from '../../src/technologies/taxonomy.js';

// microscopy > electron-microscopy > sem ; spectroscopy
const parents: Record<string, string | null> = {
  microscopy: null,
  'electron-microscopy': 'microscopy',
  sem: 'electron-microscopy',
  spectroscopy: null,
};
const parentOf = (id: string) => parents[id];
const childrenOf = (id: string) => Object.keys(parents).filter((k) => parents[k] === id);

describe('taxonomy rules', () => {
  it('finds the root category of any technique', () => {
    expect(rootOf('sem', parentOf)).toBe('microscopy');
    expect(rootOf('spectroscopy', parentOf)).toBe('spectroscopy');
  });

  it('detects a move that would make a technique its own ancestor', () => {
    expect(wouldCycle('microscopy', 'sem', parentOf)).toBe(true);
    expect(wouldCycle('microscopy', 'microscopy', parentOf)).toBe(true);
    expect(wouldCycle('sem', 'spectroscopy', parentOf)).toBe(false);
  });

  it('returns null for the root of a corrupted loop instead of spinning', () => {
    expect(rootOf('a', (id) => (id === 'a' ? 'b' : 'a'))).toBeNull();
  });

  it('lists a subtree', () => {
    expect(subtreeOf('microscopy', childrenOf).sort()).toEqual([
      'electron-microscopy',
      'microscopy',
      'sem',
    ]);
  });
});
