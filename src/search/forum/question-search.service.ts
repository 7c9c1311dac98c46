import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Hit, MultiSearchQuery } from 'meilisearch';
import type { DataSource } from 'typeorm';
import { type Caller, isStaff } from '../../auth/caller.js';
import { AnswerEntity } from '../../forum/answer.entity.js';
import { whereQuestionVisible } from '../../forum/forum-access.js';
import { toQuestionModel } from '../../forum/forum.mapper.js';
import { QuestionEntity } from '../../forum/question.entity.js';
import { peopleById } from '../../people/people-by-id.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { highlightsOf, inHitOrder } from '../faceting/faceted-query.js';
import { type QuestionDocument, QuestionDocumentKind } from '../indexes/question.document.js';
import { QUESTIONS_INDEX } from '../indexes/questions.index.js';
import type { QuestionSearchHit } from './question-search.models.js';
import { questionsVisibleInSearch } from './question-visibility.filter.js';

const HIGHLIGHTED = ['title', 'body', 'acceptedAnswer', 'answers'];

/** Forum questions in search: the query the caller may run, and hits read back from the database. */
@Injectable()
export class QuestionSearchService {
  constructor(
    private readonly engine: SearchEngine,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  query(q: string, limit: number, caller: Caller): MultiSearchQuery {
    return {
      indexUid: this.engine.index(QUESTIONS_INDEX),
      q,
      limit,
      filter: questionsVisibleInSearch(caller),
      attributesToRetrieve: ['id', 'kind', 'questionId'],
      attributesToHighlight: HIGHLIGHTED,
      attributesToCrop: ['body', 'acceptedAnswer', 'answers'],
      highlightPreTag: '<mark>',
      highlightPostTag: '</mark>',
    };
  }

  /**
   * Hits as questions, read through forum-access.ts again: a question hidden or closed to the
   * public a moment ago may still be open in the index until the relay has sent it. One hit per
   * question.
   */
  async toHits(hits: Hit<QuestionDocument>[], caller: Caller): Promise<QuestionSearchHit[]> {
    const ids = [...new Set(hits.map((h) => h.questionId))];
    if (ids.length === 0) return [];
    const em = this.db.manager;
    const rows = await whereQuestionVisible(em.createQueryBuilder(QuestionEntity, 'q'), 'q', caller)
      .andWhere('q.id IN (:...ids)', { ids })
      .getMany();
    const questions = inHitOrder(ids, rows);
    const people = await peopleById(
      em,
      questions.map((q) => q.askerPersonId),
    );
    const accepted = questions.flatMap((q) => (q.acceptedAnswerId ? [q.acceptedAnswerId] : []));
    const hiddenAccepted = new Set(
      accepted.length && !isStaff(caller)
        ? (
            await em
              .createQueryBuilder(AnswerEntity, 'a')
              .select('a.id')
              .where('a.id IN (:...accepted)', { accepted })
              .andWhere('a.hiddenAt IS NOT NULL')
              .getMany()
          ).map((a) => a.id)
        : [],
    );
    const firstHit = new Map<string, Hit<QuestionDocument>>();
    for (const h of hits) if (!firstHit.has(h.questionId)) firstHit.set(h.questionId, h);
    return questions.map((q) => {
      const hit = firstHit.get(q.id);
      const hiddenAnswer = hit?.kind === QuestionDocumentKind.HIDDEN_ANSWER && isStaff(caller);
      return {
        question: toQuestionModel(
          q,
          people,
          q.acceptedAnswerId !== null && !hiddenAccepted.has(q.acceptedAnswerId),
        ),
        hiddenAnswerId: hiddenAnswer ? (hit?.id ?? null) : null,
        highlights: highlightsOf(hit?._formatted),
      };
    });
  }
}
