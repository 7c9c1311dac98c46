import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Caller, isStaff } from '../auth/caller.js';
import { personOf } from '../auth/signed-in-person.js';
import { badInput, DomainError, ErrorCode, notFound } from '../common/errors/domain-error.js';
import { peopleById } from '../people/people-by-id.js';
import { PostingLimit } from '../rate-limits/posting-limit.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { AnswerEntity } from './answer.entity.js';
import { CommentEntity } from './comment.entity.js';
import { FollowEntity } from './follow.entity.js';
import { postVisible, readableQuestion, wherePostVisible } from './forum-access.js';
import { ForumNotifications } from './forum-notifications.js';
import { toAnswerModel, toCommentModel } from './forum.mapper.js';
import type { AnswerModel, CommentModel } from './models/forum.models.js';
import { QuestionEntity } from './question.entity.js';
import { PostKind } from './report.entity.js';

/** Most answers or comments one read lists: a thread longer than this is not a Q&A any more. */
export const MAX_LISTED = 200;

/** Answers, comments, the accepted answer and follows; each checks the question first. */
@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly limit: PostingLimit,
    private readonly notifications: ForumNotifications,
    private readonly outbox: SearchOutbox,
  ) {}

  async answer(caller: Caller, questionId: string, body: string): Promise<AnswerModel> {
    const personId = personOf(caller);
    const answer = await this.db.transaction(async (em) => {
      const question = await this.open(em, caller, questionId);
      await this.limit.count(personId, 'body');
      const answer = await em.save(
        em.create(AnswerEntity, { questionId, authorPersonId: personId, body, hiddenAt: null }),
      );
      await em.update(QuestionEntity, { id: questionId }, { lastActivityAt: new Date() });
      await this.notifications.answerPosted(em, question, answer);
      await this.outbox.questionsChanged(em, [questionId]);
      return answer;
    });
    return (await this.answerModels([answer], null))[0] as AnswerModel;
  }

  /** On a question, or on one of its answers the caller sees. */
  async comment(caller: Caller, kind: PostKind, id: string, body: string): Promise<CommentModel> {
    const personId = personOf(caller);
    const comment = await this.db.transaction(async (em) => {
      let questionId = id;
      let answerId: string | null = null;
      if (kind === PostKind.ANSWER) {
        const answer = await this.visibleAnswer(em, caller, id);
        questionId = answer.questionId;
        answerId = answer.id;
      } else if (kind !== PostKind.QUESTION) {
        throw badInput('kind', 'comments go on a QUESTION or an ANSWER');
      }
      await this.open(em, caller, questionId);
      await this.limit.count(personId, 'body');
      const comment = await em.save(
        em.create(CommentEntity, {
          questionId,
          answerId,
          authorPersonId: personId,
          body,
          hiddenAt: null,
        }),
      );
      await em.update(QuestionEntity, { id: questionId }, { lastActivityAt: new Date() });
      // Comments are not indexed, but the question's last activity is.
      await this.outbox.questionsChanged(em, [questionId]);
      return comment;
    });
    const people = await peopleById(this.db.manager, [comment.authorPersonId]);
    return toCommentModel(comment, people);
  }

  /** The asker or staff accept one visible answer of the question (replacing any before). */
  async accept(caller: Caller, answerId: string): Promise<string> {
    return this.db.transaction(async (em) => {
      const answer = await this.visibleAnswer(em, caller, answerId);
      const question = await readableQuestion(em, caller, answer.questionId);
      const asker = caller.personId !== undefined && question.askerPersonId === caller.personId;
      if (!asker && !isStaff(caller)) {
        throw new DomainError(ErrorCode.FORBIDDEN, 'only the asker or staff accept an answer');
      }
      await em.update(QuestionEntity, { id: question.id }, { acceptedAnswerId: answer.id });
      await this.outbox.questionsChanged(em, [question.id]);
      return question.id;
    });
  }

  async follow(caller: Caller, questionId: string, following: boolean): Promise<void> {
    const personId = personOf(caller);
    await this.db.transaction(async (em) => {
      await readableQuestion(em, caller, questionId);
      const existing = await em.findOneBy(FollowEntity, { questionId, personId });
      if (following && !existing) await em.save(em.create(FollowEntity, { questionId, personId }));
      if (!following && existing) await em.delete(FollowEntity, { id: existing.id });
    });
  }

  /** The answers of a question the caller reads (checked by the caller of this), oldest first. */
  async answersOf(caller: Caller, question: { id: string; acceptedAnswerId: string | null }) {
    const query = this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .where('a.questionId = :id', { id: question.id });
    const rows = await wherePostVisible(query, 'a', caller)
      .orderBy('a.createdAt', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .limit(MAX_LISTED)
      .getMany();
    return this.answerModels(rows, question.acceptedAnswerId);
  }

  /** Comments on the question itself (`answerId` null) or on one answer, oldest first. */
  async commentsOf(caller: Caller, questionId: string, answerId: string | null) {
    const query = this.db
      .getRepository(CommentEntity)
      .createQueryBuilder('c')
      .where('c.questionId = :questionId', { questionId })
      .andWhere(answerId ? 'c.answerId = :answerId' : 'c.answerId IS NULL', { answerId });
    const rows = await wherePostVisible(query, 'c', caller)
      .orderBy('c.createdAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(MAX_LISTED)
      .getMany();
    const people = await peopleById(
      this.db.manager,
      rows.map((c) => c.authorPersonId),
    );
    return rows.map((c) => toCommentModel(c, people));
  }

  /** A question the caller reads and may write under: not locked. */
  private async open(em: EntityManager, caller: Caller, questionId: string) {
    const question = await readableQuestion(em, caller, questionId);
    if (question.locked) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'the question is locked by staff: it takes no new answers or comments',
      );
    }
    return question;
  }

  /** An answer of a question the caller reads, not hidden from them; NOT_FOUND otherwise. */
  private async visibleAnswer(em: EntityManager, caller: Caller, id: string) {
    const answer = await em.findOneBy(AnswerEntity, { id });
    if (!answer || !postVisible(caller, answer)) throw notFound('answer', id);
    await readableQuestion(em, caller, answer.questionId).catch(() => {
      throw notFound('answer', id);
    });
    return answer;
  }

  private async answerModels(rows: AnswerEntity[], acceptedAnswerId: string | null) {
    const people = await peopleById(
      this.db.manager,
      rows.map((a) => a.authorPersonId),
    );
    return rows.map((a) => toAnswerModel(a, people, acceptedAnswerId));
  }
}
