import { type EntityManager, In, IsNull, Not } from 'typeorm';
import { Visibility } from '../../experts/expert.entity.js';
import { AnswerEntity } from '../../forum/answer.entity.js';
import { QuestionEntity, QuestionVisibility } from '../../forum/question.entity.js';
import { GENERAL_CATEGORY } from '../../technologies/exchange-categories.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { type MentionedTechniques, techniqueReader } from './mentioned-techniques.js';
import { group, namesOf, placeholders } from './projection.js';

export enum QuestionDocumentKind {
  /** A question with its answers that are not hidden. */
  QUESTION = 'QUESTION',
  /**
   * A hidden answer, alone, for staff: in its question's document its words would lead anyone
   * who reads the question to it, though they could not read the answer.
   */
  HIDDEN_ANSWER = 'HIDDEN_ANSWER',
}

/**
 * What the questions index holds. `visibility` speaks the experts' vocabulary: PUBLIC and
 * MEMBERS as the question says, STAFF for a hidden question or a hidden answer. No names of
 * people: erasing a person must not leave them in the index.
 */
export interface QuestionDocument extends MentionedTechniques {
  id: string;
  kind: QuestionDocumentKind;
  questionId: string;
  visibility: Visibility;
  /** Slugs of the question's clusters: who reads a MEMBERS question. */
  clusters: string[];
  /** The slug of its top technique category, or GENERAL. */
  category: string;
  categoryNames: string[];
  /** Empty for a hidden answer. */
  title: string;
  body: string;
  /** The accepted answer, when it is shown. */
  acceptedAnswer: string | null;
  answers: string[];
  answerCount: number;
  /** Unix seconds. */
  lastActivityAt: number;
}

const VISIBILITY: Record<QuestionVisibility, Visibility> = {
  [QuestionVisibility.PUBLIC]: Visibility.PUBLIC,
  [QuestionVisibility.MEMBERS]: Visibility.MEMBERS,
};

/** Committed state → documents, for question ids and hidden answer ids alike. */
export async function loadQuestionDocuments(
  em: EntityManager,
  ids: string[],
): Promise<Map<string, QuestionDocument>> {
  const out = new Map<string, QuestionDocument>();
  if (ids.length === 0) return out;
  const hiddenAnswers = await em.findBy(AnswerEntity, { id: In(ids), hiddenAt: Not(IsNull()) });
  const questionIds = [...new Set([...ids, ...hiddenAnswers.map((a) => a.questionId)])];
  const questions = await em.findBy(QuestionEntity, { id: In(questionIds) });
  if (questions.length === 0) return out;
  const qIds = questions.map((q) => q.id);
  const inQuestions = placeholders(em, qIds.length);
  const [answers, clusters, tagged] = await Promise.all([
    em.find(AnswerEntity, {
      where: { questionId: In(qIds) },
      order: { createdAt: 'ASC', id: 'ASC' },
    }),
    em.query<{ questionId: string; slug: string }[]>(
      `SELECT qc."questionId" AS "questionId", c.slug AS slug
         FROM forum_question_clusters qc JOIN clusters c ON c.id = qc."clusterId"
        WHERE qc."questionId" IN (${inQuestions})`,
      qIds,
    ),
    em.query<{ questionId: string; name: string }[]>(
      `SELECT qt."questionId" AS "questionId", t.name AS name
         FROM forum_question_techniques qt JOIN technologies t ON t.id = qt."technologyId"
        WHERE qt."questionId" IN (${inQuestions})`,
      qIds,
    ),
  ]);
  const categoryIds = [...new Set(questions.flatMap((q) => (q.categoryId ? [q.categoryId] : [])))];
  const categories = categoryIds.length
    ? await em.findBy(TechnologyEntity, { id: In(categoryIds) })
    : [];
  const categoryOf = new Map(categories.map((c) => [c.id, c]));
  const answersOf = group(
    answers,
    (a) => a.questionId,
    (a) => a,
  );
  const clustersOf = group(
    clusters,
    (r) => r.questionId,
    (r) => r.slug,
  );
  const taggedOf = group(
    tagged,
    (r) => r.questionId,
    (r) => r.name,
  );
  const mentioned = await techniqueReader(em);
  const wanted = new Set(ids);
  for (const q of questions) {
    const category = q.categoryId ? categoryOf.get(q.categoryId) : undefined;
    const base = {
      questionId: q.id,
      category: category?.slug ?? GENERAL_CATEGORY,
      categoryNames: category ? namesOf(category) : [],
      lastActivityAt: Math.floor(q.lastActivityAt.getTime() / 1000),
    };
    const all = answersOf.get(q.id) ?? [];
    if (wanted.has(q.id)) {
      const shown = all.filter((a) => a.hiddenAt === null);
      const accepted = shown.find((a) => a.id === q.acceptedAnswerId);
      // The techniques staff tagged count as mentioned: their names are read like the text.
      const texts = [...(taggedOf.get(q.id) ?? []), q.title, q.body, ...shown.map((a) => a.body)];
      out.set(q.id, {
        id: q.id,
        kind: QuestionDocumentKind.QUESTION,
        ...base,
        visibility: q.hiddenAt ? Visibility.STAFF : VISIBILITY[q.visibility],
        clusters: [...(clustersOf.get(q.id) ?? [])].sort(),
        title: q.title,
        body: q.body,
        acceptedAnswer: accepted?.body ?? null,
        answers: shown.filter((a) => a !== accepted).map((a) => a.body),
        answerCount: shown.length,
        ...mentioned(texts),
      });
    }
    for (const a of all.filter((a) => a.hiddenAt !== null && wanted.has(a.id))) {
      out.set(a.id, {
        id: a.id,
        kind: QuestionDocumentKind.HIDDEN_ANSWER,
        ...base,
        visibility: Visibility.STAFF,
        clusters: [],
        title: '',
        body: '',
        acceptedAnswer: null,
        answers: [a.body],
        answerCount: 1,
        ...mentioned([a.body]),
      });
    }
  }
  return out;
}

/** Every document the index should hold: each question, and each hidden answer. */
export async function allQuestionDocumentIds(em: EntityManager): Promise<string[]> {
  const rows = await em.query<{ id: string }[]>(
    `SELECT id FROM forum_questions
     UNION SELECT id FROM forum_answers WHERE "hiddenAt" IS NOT NULL
     ORDER BY id`,
  );
  return rows.map((r) => r.id);
}
