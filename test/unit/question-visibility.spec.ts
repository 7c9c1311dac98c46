import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS, type Caller, Role } from '../../src/auth/caller.js';
import { questionSight } from '../../src/forum/question-sight.js';
import { questionsVisibleInSearch } from '../../src/search/forum/question-visibility.filter.js';

const caller = (role: Role, clusters: string[] = [], personId?: string): Caller => ({
  ...ANONYMOUS,
  role,
  keyId: personId ? null : 'k',
  clusterIds: clusters.map((c) => `id-${c}`),
  clusterSlugs: clusters,
  ...(personId ? { personId } : {}),
});

describe('who reads which question in search: forum-access.ts, translated for the index', () => {
  it('opens MEMBERS questions to signed-in people of their clusters, never to API keys', () => {
    expect(questionSight(caller(Role.STAFF))).toEqual({ everything: true });
    expect(questionSight(ANONYMOUS)).toEqual({ everything: false, memberOf: null });
    // A partner key of cluster a is no person: PUBLIC only, as forum-access.ts decides.
    expect(questionSight(caller(Role.PARTNER, ['a']))).toEqual(questionSight(ANONYMOUS));
    expect(questionSight(caller(Role.PARTNER, [], 'p'))).toEqual(questionSight(ANONYMOUS));
    expect(questionSight(caller(Role.PARTNER, ['a'], 'p'))).toEqual({
      everything: false,
      memberOf: { clusterIds: ['id-a'], clusterSlugs: ['a'] },
    });
  });

  it('becomes a filter over question documents, cluster slugs quoted as data', () => {
    expect(questionsVisibleInSearch(caller(Role.ADMIN))).toEqual([]);
    expect(questionsVisibleInSearch(ANONYMOUS)).toEqual(['(visibility = "PUBLIC")']);
    expect(questionsVisibleInSearch(caller(Role.PARTNER, ['a', 'b"c'], 'p'))).toEqual([
      '((visibility = "PUBLIC") OR ((visibility = "MEMBERS") AND (clusters = "a" OR clusters = "b\\"c")))',
    ]);
  });
});
