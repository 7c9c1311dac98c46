import { type Caller, isStaff } from '../auth/caller.js';

/**
 * Who reads which question (forum-access.ts states it in SQL), in no query language, for the
 * search index to translate (search/forum/question-visibility.filter.ts): staff everything,
 * hidden questions included; signed-in members the MEMBERS questions of their clusters; everyone
 * the PUBLIC ones. API keys and search tokens are no people: PUBLIC only.
 */
export type QuestionSight =
  | { everything: true }
  | { everything: false; memberOf: { clusterIds: string[]; clusterSlugs: string[] } | null };

export function questionSight(caller: Caller): QuestionSight {
  if (isStaff(caller)) return { everything: true };
  const member = caller.personId !== undefined && caller.clusterIds.length > 0;
  return {
    everything: false,
    memberOf: member ? { clusterIds: caller.clusterIds, clusterSlugs: caller.clusterSlugs } : null,
  };
}
