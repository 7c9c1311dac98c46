import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { type Caller, isStaff } from '../auth/caller.js';
import { personOf } from '../auth/signed-in-person.js';
import { DomainError, ErrorCode, notFound } from '../common/errors/domain-error.js';
import type { ForwardConnectionArgs } from '../common/pagination/connection.args.js';
import { paginateByTime } from '../common/pagination/paginate-by-time.js';
import { peopleById } from '../people/people-by-id.js';
import { PostingLimit } from '../rate-limits/posting-limit.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { HIDE_WITHIN_MS, SearchRelay } from '../search/sync/search-relay.service.js';
import { AnswerEntity } from './answer.entity.js';
import { CommentEntity } from './comment.entity.js';
import { postVisible, readableQuestion } from './forum-access.js';
import { toReportModel } from './forum.mapper.js';
import { ModeratedPostModel, type ReportModel } from './models/forum.models.js';
import { QuestionEntity } from './question.entity.js';
import { PostKind, ReportEntity } from './report.entity.js';

type Post = QuestionEntity | AnswerEntity | CommentEntity;

const TABLES = {
  [PostKind.QUESTION]: QuestionEntity,
  [PostKind.ANSWER]: AnswerEntity,
  [PostKind.COMMENT]: CommentEntity,
} as const;

/**
 * Members report posts; staff hide and restore them, which closes their open reports, and read
 * the queue of open reports. Every mutation is audited by the audit interceptor (its subject is
 * the post's id).
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly limit: PostingLimit,
    private readonly outbox: SearchOutbox,
    private readonly relay: SearchRelay,
  ) {}

  /** A post the caller sees; one open report per person and post (a repeat returns it). */
  async report(caller: Caller, kind: PostKind, id: string, reason: string): Promise<ReportModel> {
    const personId = personOf(caller);
    const report = await this.db.transaction(async (em) => {
      const { questionId } = await this.visiblePost(em, caller, kind, id);
      const open = await em.findOneBy(ReportEntity, {
        postKind: kind,
        postId: id,
        reporterPersonId: personId,
        resolvedAt: IsNull(),
      });
      if (open) return open;
      await this.limit.count(personId, 'reason');
      return em.save(
        em.create(ReportEntity, {
          postKind: kind,
          postId: id,
          questionId,
          reporterPersonId: personId,
          reason,
          reportedAt: new Date(),
          resolvedAt: null,
        }),
      );
    });
    return toReportModel(report, await peopleById(this.db.manager, [report.reporterPersonId]));
  }

  /** Staff: hidden (or shown again); the post's open reports are resolved either way. */
  async setHidden(caller: Caller, kind: PostKind, id: string, hidden: boolean) {
    if (!isStaff(caller)) throw new DomainError(ErrorCode.FORBIDDEN, 'only staff moderate');
    const moderated = await this.db.transaction(async (em) => {
      const { questionId } = await this.visiblePost(em, caller, kind, id);
      await em.update(TABLES[kind], { id }, { hiddenAt: hidden ? new Date() : null });
      await this.outbox.questionsChanged(em, [questionId]);
      const resolved = await em.update(
        ReportEntity,
        { postKind: kind, postId: id, resolvedAt: IsNull() },
        { resolvedAt: new Date() },
      );
      return Object.assign(new ModeratedPostModel(), {
        kind,
        id,
        questionId,
        hidden,
        reportsResolved: resolved.affected ?? 0,
      });
    });
    // Hidden: answered once the index shows the post to staff only (HIDE_WITHIN_MS).
    if (hidden) await this.relay.sendNow(HIDE_WITHIN_MS);
    return moderated;
  }

  /** Staff: open reports, oldest first. */
  queue(caller: Caller, args: ForwardConnectionArgs) {
    if (!isStaff(caller)) throw new DomainError(ErrorCode.FORBIDDEN, 'only staff moderate');
    const query = this.db
      .getRepository(ReportEntity)
      .createQueryBuilder('r')
      .where('r.resolvedAt IS NULL');
    return paginateByTime(query, 'reportedAt', 'ASC', args, async (rows) => {
      const people = await peopleById(
        this.db.manager,
        rows.map((r) => r.reporterPersonId),
      );
      return rows.map((r) => toReportModel(r, people));
    });
  }

  /** A post of a question the caller reads, itself visible to them; NOT_FOUND otherwise. */
  private async visiblePost(
    em: EntityManager,
    caller: Caller,
    kind: PostKind,
    id: string,
  ): Promise<{ post: Post; questionId: string }> {
    const post = (await em.findOneBy(TABLES[kind], { id })) as Post | null;
    const questionId = !post
      ? null
      : kind === PostKind.QUESTION
        ? post.id
        : (post as AnswerEntity).questionId;
    if (!post || !questionId || !postVisible(caller, post)) throw notFound(kind.toLowerCase(), id);
    await readableQuestion(em, caller, questionId).catch(() => {
      throw notFound(kind.toLowerCase(), id);
    });
    return { post, questionId };
  }
}
