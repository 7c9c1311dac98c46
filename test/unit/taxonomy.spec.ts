import { describe, expect, it } from '@jest/globals';
import {
  ancestorsOf,
  childrenById,
  descendantsOf,
  loadAncestors,
  MAX_ANCESTORS,
  parentIn,
  parentsFirst,
  pathTo,
  rootOf,
  subtreeOf,
  wouldCycle,
} from '../../src/technologies/taxonomy.js';

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

  it('walks up: ancestors nearest first, the path root first', () => {
    expect(ancestorsOf('sem', parentOf)).toEqual(['electron-microscopy', 'microscopy']);
    expect(pathTo('sem', parentOf)).toEqual(['microscopy', 'electron-microscopy', 'sem']);
    expect(pathTo('spectroscopy', parentOf)).toEqual(['spectroscopy']);
  });

  it('stops a walk up on a loop or after MAX_ANCESTORS', () => {
    expect(ancestorsOf('a', (id) => (id === 'a' ? 'b' : 'a'))).toEqual(['b']);
    const deep = (id: number) => id + 1;
    expect(ancestorsOf(0, deep)).toHaveLength(MAX_ANCESTORS);
  });

  it('walks entities through a map, and through a loader one parent at a time', async () => {
    const rows = Object.entries(parents).map(([id, parentId]) => ({ id, parentId }));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const sem = byId.get('sem')!;
    expect(ancestorsOf(sem, parentIn(byId)).map((r) => r.id)).toEqual([
      'electron-microscopy',
      'microscopy',
    ]);
    const loaded = await loadAncestors({ parentId: 'electron-microscopy' }, (id) =>
      Promise.resolve(byId.get(id)),
    );
    expect(loaded.map((r) => r.id)).toEqual(['electron-microscopy', 'microscopy']);
  });

  it('walks down from several roots, each node once, even through a loop', () => {
    const rows = Object.entries(parents).map(([id, parentId]) => ({ id, parentId }));
    expect(subtreeOf(['electron-microscopy', 'spectroscopy'], childrenById(rows)).sort()).toEqual([
      'electron-microscopy',
      'sem',
      'spectroscopy',
    ]);
    expect(descendantsOf('microscopy', childrenById(rows)).sort()).toEqual([
      'electron-microscopy',
      'sem',
    ]);
    const loop = childrenById([
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]);
    expect(subtreeOf('a', loop).sort()).toEqual(['a', 'b']);
  });

  it('orders parents before children, generation by generation', () => {
    const order = ['sem', 'spectroscopy', 'electron-microscopy', 'microscopy'];
    expect(parentsFirst(order, parentOf)).toEqual([
      'spectroscopy',
      'microscopy',
      'electron-microscopy',
      'sem',
    ]);
    expect(() => parentsFirst(['a', 'b'], (id) => (id === 'a' ? 'b' : 'a'))).toThrow();
  });
});
