import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { type Caller, isStaff } from '../auth/caller.js';
import { notFound } from '../common/errors/domain-error.js';
import { QuestionEntity, QuestionVisibility } from './question.entity.js';

/**
 * The one rule of who reads a question, as a filter on a query of questions (alias `alias`), so
 * a single question, a list and a count all apply the same SQL:
 * - staff (a staff key or a staff person) read everything, hidden posts included;
 * - nobody else reads a hidden question: it does not exist for them (NOT_FOUND);
 * - a PUBLIC question is read by anyone, anonymous callers included;
 * - a MEMBERS question by signed-in people whose organisation is in one of its clusters.
 * API keys of partners are no people: they read PUBLIC questions only.
 */
export function whereQuestionVisible<T extends object>(
  query: SelectQueryBuilder<T>,
  alias: string,
  caller: Caller,
): SelectQueryBuilder<T> {
  if (isStaff(caller)) return query;
  query.andWhere(`${alias}.hiddenAt IS NULL`);
  const memberOf = caller.personId ? caller.clusterIds : [];
  if (memberOf.length === 0) {
    return query.andWhere(`${alias}.visibility = :publicVisibility`, {
      publicVisibility: QuestionVisibility.PUBLIC,
    });
  }
  return query.andWhere(
    new Brackets((w) =>
      w
        .where(`${alias}.visibility = :publicVisibility`)
        .orWhere(
          `EXISTS (SELECT 1 FROM forum_question_clusters fqc WHERE fqc."questionId" = ${alias}.id AND fqc."clusterId" IN (:...readerClusterIds))`,
        ),
    ),
    { publicVisibility: QuestionVisibility.PUBLIC, readerClusterIds: memberOf },
  );
}

/** Answers and comments: a hidden one is seen by staff only (its question was checked first). */
export function wherePostVisible<T extends object>(
  query: SelectQueryBuilder<T>,
  alias: string,
  caller: Caller,
): SelectQueryBuilder<T> {
  return isStaff(caller) ? query : query.andWhere(`${alias}.hiddenAt IS NULL`);
}

/** Whether the caller sees a post (answer, comment) of a question they read. */
export const postVisible = (caller: Caller, post: { hiddenAt: Date | null }): boolean =>
  isStaff(caller) || post.hiddenAt === null;

/** The question, if the caller reads it; NOT_FOUND otherwise, exactly as for an unknown id. */
export async function readableQuestion(
  em: EntityManager,
  caller: Caller,
  id: string,
): Promise<QuestionEntity> {
  const question = await whereQuestionVisible(
    em.createQueryBuilder(QuestionEntity, 'q'),
    'q',
    caller,
  )
    .andWhere('q.id = :id', { id })
    .getOne();
  if (!question) throw notFound('question', id);
  return question;
}
