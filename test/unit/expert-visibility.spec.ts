import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS, type Caller, Role } from '../../src/auth/caller.js';
import { expertSight } from '../../src/experts/expert-visibility.js';
import { visibleInSearch } from '../../src/search/experts/expert-visibility.filter.js';

const caller = (role: Role, clusters: string[] = []): Caller => ({
  ...ANONYMOUS,
  role,
  keyId: 'k',
  clusterIds: clusters.map((c) => `id-${c}`),
  clusterSlugs: clusters,
});

describe('who sees which expert: one rule, two translations', () => {
  it('decides the sight from the caller alone', () => {
    expect(expertSight(caller(Role.STAFF))).toEqual({ everyExpert: true });
    expect(expertSight(ANONYMOUS)).toEqual({ everyExpert: false, open: 'PUBLIC', membersOf: null });
    expect(expertSight(caller(Role.PARTNER))).toEqual(expertSight(ANONYMOUS));
    expect(expertSight(caller(Role.PARTNER, ['a']))).toEqual({
      everyExpert: false,
      open: 'PUBLIC',
      membersOf: { visibility: 'MEMBERS', clusterIds: ['id-a'], clusterSlugs: ['a'] },
    });
  });

  it('becomes the search filter over expert documents', () => {
    expect(visibleInSearch(caller(Role.ADMIN))).toEqual([]);
    expect(visibleInSearch(ANONYMOUS)).toEqual(['(visibility = "PUBLIC")']);
    expect(visibleInSearch(caller(Role.PARTNER, ['a', 'b"c']))).toEqual([
      '((visibility = "PUBLIC") OR ((visibility = "MEMBERS") AND (clusters = "a" OR clusters = "b\\"c")))',
    ]);
  });
});
