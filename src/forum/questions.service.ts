import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { type Caller, isStaff } from '../auth/caller.js';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { DomainError, ErrorCode } from '../common/errors/domain-error.js';
import { requireRefs } from '../common/database/references.js';
import { fromGlobalId, toGlobalId } from '../common/graphql/global-id.js';
import type { ForwardConnectionArgs } from '../common/pagination/connection.args.js';
import type { Connection } from '../common/pagination/connection.model.js';
import { paginateByTime } from '../common/pagination/paginate-by-time.js';
import { peopleById } from '../people/people-by-id.js';
import { PostingLimit } from '../rate-limits/posting-limit.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { HIDE_WITHIN_MS, SearchRelay } from '../search/sync/search-relay.service.js';
import { toTechnologyModel } from '../technologies/technology.mapper.js';
import { categoryIdOf } from '../technologies/exchange-categories.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { AnswerEntity } from './answer.entity.js';
import { FollowEntity } from './follow.entity.js';
import { readableQuestion, whereQuestionVisible } from './forum-access.js';
import { ForumNotifications } from './forum-notifications.js';
import { toQuestionModel } from './forum.mapper.js';
import { personOf } from '../auth/signed-in-person.js';
import { ForumCategoryModel, GENERAL_CATEGORY, type QuestionModel } from './models/forum.models.js';
import { QuestionEntity, QuestionVisibility } from './question.entity.js';

export interface Asking {
  title: string;
  body: string;
  categoryId?: string;
  techniqueIds?: string[];
}

/** Questions: asking, reading (through forum-access.ts), and staff's visibility and lock. */
@Injectable()
export class QuestionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly limit: PostingLimit,
    private readonly notifications: ForumNotifications,
    private readonly outbox: SearchOutbox,
    private readonly relay: SearchRelay,
  ) {}

  /**
   * A member (or staff) asks. The question belongs to the clusters of the asker's organisation,
   * is MEMBERS (staff may open it later), and the asker follows it. Experts of its techniques who
   * read it are mailed, in the same transaction.
   */
  async ask(caller: Caller, args: Asking): Promise<QuestionModel> {
    const personId = personOf(caller);
    if (caller.clusterIds.length === 0 && !isStaff(caller)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'only members of an organisation in a cluster (and staff) ask in the forum',
      );
    }
    const id = await this.db.transaction(async (em) => {
      const techniques = await requireRefs(
        em,
        TechnologyEntity,
        'Technology',
        args.techniqueIds ?? [],
        'techniqueIds',
      );
      const categoryId = await this.categoryOf(em, args.categoryId, techniques);
      await this.limit.count(personId, 'body');
      const clusters = caller.clusterIds.length
        ? await em.findBy(
            ClusterEntity,
            caller.clusterIds.map((id) => ({ id })),
          )
        : [];
      const question = em.create(QuestionEntity, {
        title: args.title,
        body: args.body,
        categoryId,
        askerPersonId: personId,
        visibility: QuestionVisibility.MEMBERS,
        locked: false,
        hiddenAt: null,
        acceptedAnswerId: null,
        lastActivityAt: new Date(),
      });
      question.clusters = clusters;
      question.techniques = techniques;
      const saved = await em.save(question);
      await em.save(em.create(FollowEntity, { questionId: saved.id, personId }));
      await this.notifications.questionAsked(em, saved, techniques);
      await this.outbox.questionsChanged(em, [saved.id]);
      return saved.id;
    });
    return this.question(caller, id);
  }

  async question(caller: Caller, id: string): Promise<QuestionModel> {
    const question = await readableQuestion(this.db.manager, caller, id);
    return (await this.models(caller, [question]))[0] as QuestionModel;
  }

  /** The questions the caller reads, most recently active first; one category if named. */
  questions(
    caller: Caller,
    args: ForwardConnectionArgs & { categoryId?: string },
  ): Promise<Connection<QuestionModel>> {
    const query = whereQuestionVisible(
      this.db.getRepository(QuestionEntity).createQueryBuilder('q'),
      'q',
      caller,
    );
    if (args.categoryId === GENERAL_CATEGORY) query.andWhere('q.categoryId IS NULL');
    else if (args.categoryId !== undefined) {
      const categoryId = fromGlobalId(args.categoryId, 'Technology', 'categoryId');
      query.andWhere('q.categoryId = :categoryId', { categoryId });
    }
    return paginateByTime(query, 'lastActivityAt', 'DESC', args, (rows) =>
      this.models(caller, rows),
    );
  }

  /** The top categories of the technique taxonomy, by name, then GENERAL. */
  async categories(): Promise<ForumCategoryModel[]> {
    const roots = await this.db
      .getRepository(TechnologyEntity)
      .find({ where: { parentId: IsNull() }, order: { name: 'ASC', id: 'ASC' } });
    const general = Object.assign(new ForumCategoryModel(), {
      id: GENERAL_CATEGORY,
      name: 'General',
      technology: null,
    });
    return [
      ...roots.map((root) =>
        Object.assign(new ForumCategoryModel(), {
          id: toGlobalId('Technology', root.id),
          name: root.name,
          technology: toTechnologyModel(root),
        }),
      ),
      general,
    ];
  }

  /** Staff: MEMBERS or PUBLIC. */
  async setVisibility(caller: Caller, id: string, visibility: QuestionVisibility) {
    await this.staffUpdate(caller, id, { visibility });
    return this.question(caller, id);
  }

  /** Staff: a locked question takes no new answers or comments. */
  async lock(caller: Caller, id: string, locked: boolean) {
    await this.staffUpdate(caller, id, { locked });
    return this.question(caller, id);
  }

  private async staffUpdate(caller: Caller, id: string, change: Partial<QuestionEntity>) {
    if (!isStaff(caller)) throw new DomainError(ErrorCode.FORBIDDEN, 'only staff do this');
    await this.db.transaction(async (em) => {
      await readableQuestion(em, caller, id);
      await em.update(QuestionEntity, { id }, change);
      await this.outbox.questionsChanged(em, [id]);
    });
    // Made MEMBERS: answered once the index no longer shows it to the public (HIDE_WITHIN_MS).
    if (change.visibility === QuestionVisibility.MEMBERS) await this.relay.sendNow(HIDE_WITHIN_MS);
  }

  /** GENERAL, a root technique by id, or (left out) the root of the first technique named. */
  private async categoryOf(
    em: EntityManager,
    categoryId: string | undefined,
    techniques: TechnologyEntity[],
  ): Promise<string | null> {
    if (categoryId === undefined) return techniques[0]?.categoryId ?? null;
    return categoryIdOf(em, categoryId, 'categoryId');
  }

  /** Models of questions the caller reads: askers in one query, accepted answers checked. */
  async models(caller: Caller, rows: QuestionEntity[]): Promise<QuestionModel[]> {
    const people = await peopleById(
      this.db.manager,
      rows.map((q) => q.askerPersonId),
    );
    const accepted = rows.flatMap((q) => (q.acceptedAnswerId ? [q.acceptedAnswerId] : []));
    const hidden = new Set(
      accepted.length && !isStaff(caller)
        ? (
            await this.db
              .getRepository(AnswerEntity)
              .createQueryBuilder('a')
              .select('a.id')
              .where('a.id IN (:...accepted)', { accepted })
              .andWhere('a.hiddenAt IS NOT NULL')
              .getMany()
          ).map((a) => a.id)
        : [],
    );
    return rows.map((q) =>
      toQuestionModel(q, people, q.acceptedAnswerId !== null && !hidden.has(q.acceptedAnswerId)),
    );
  }
}
