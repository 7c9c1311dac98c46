import type { PersonEntity } from '../people/person.entity.js';
import type { AnswerEntity } from './answer.entity.js';
import type { CommentEntity } from './comment.entity.js';
import {
  AnswerModel,
  CommentModel,
  ForumPersonModel,
  QuestionModel,
  ReportModel,
} from './models/forum.models.js';
import type { QuestionEntity } from './question.entity.js';
import type { ReportEntity } from './report.entity.js';

type People = ReadonlyMap<string, PersonEntity>;

/** A name and an id: never the address, whoever reads. */
export const toForumPerson = (person: PersonEntity | undefined): ForumPersonModel | null =>
  person ? Object.assign(new ForumPersonModel(), { id: person.id, name: person.name }) : null;

const personIn = (people: People, id: string | null) =>
  toForumPerson(id ? people.get(id) : undefined);

/** `acceptedVisible`: whether the accepted answer is one the caller sees (not hidden from them). */
export const toQuestionModel = (
  q: QuestionEntity,
  people: People,
  acceptedVisible: boolean,
): QuestionModel =>
  Object.assign(new QuestionModel(), {
    id: q.id,
    title: q.title,
    body: q.body,
    categoryDbId: q.categoryId,
    asker: personIn(people, q.askerPersonId),
    visibility: q.visibility,
    locked: q.locked,
    hidden: q.hiddenAt !== null,
    acceptedAnswerId: acceptedVisible ? q.acceptedAnswerId : null,
    createdAt: q.createdAt,
    lastActivityAt: q.lastActivityAt,
  });

export const toAnswerModel = (
  a: AnswerEntity,
  people: People,
  acceptedAnswerId: string | null,
): AnswerModel =>
  Object.assign(new AnswerModel(), {
    id: a.id,
    questionId: a.questionId,
    body: a.body,
    author: personIn(people, a.authorPersonId),
    accepted: a.id === acceptedAnswerId,
    hidden: a.hiddenAt !== null,
    createdAt: a.createdAt,
  });

export const toCommentModel = (c: CommentEntity, people: People): CommentModel =>
  Object.assign(new CommentModel(), {
    id: c.id,
    questionId: c.questionId,
    answerId: c.answerId,
    body: c.body,
    author: personIn(people, c.authorPersonId),
    hidden: c.hiddenAt !== null,
    createdAt: c.createdAt,
  });

export const toReportModel = (r: ReportEntity, people: People): ReportModel =>
  Object.assign(new ReportModel(), {
    id: r.id,
    postKind: r.postKind,
    postId: r.postId,
    questionId: r.questionId,
    reason: r.reason,
    reporter: personIn(people, r.reporterPersonId),
    createdAt: r.reportedAt,
    resolvedAt: r.resolvedAt,
  });
