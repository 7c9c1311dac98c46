import type { Caller } from '../../auth/caller.js';
import { Visibility } from '../../experts/expert.entity.js';
import { questionSight } from '../../forum/question-sight.js';
import { anyOf } from '../faceting/filter-syntax.js';

/**
 * The questions a caller may read (forum/question-sight.ts) as filter clauses over question
 * documents. Hidden questions and hidden answers are STAFF documents: only staff get no filter.
 */
export function questionsVisibleInSearch(caller: Caller): string[] {
  const sight = questionSight(caller);
  if (sight.everything) return [];
  const open = anyOf('visibility', [Visibility.PUBLIC]);
  if (!sight.memberOf) return [open];
  const members = anyOf('visibility', [Visibility.MEMBERS]);
  return [`(${open} OR (${members} AND ${anyOf('clusters', sight.memberOf.clusterSlugs)}))`];
}
