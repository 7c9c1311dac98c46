import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { type Caller, isStaff } from '../auth/caller.js';
import { badInput, conflict, notFound } from '../common/errors/domain-error.js';
import type { Language } from '../common/i18n/language.js';
import { AnswerEntity } from '../forum/answer.entity.js';
import { QuestionEntity } from '../forum/question.entity.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { HIDE_WITHIN_MS, SearchRelay } from '../search/sync/search-relay.service.js';
import { categoryIdFor, categoryIdOf } from '../technologies/exchange-categories.js';
import type {
  CreateFaqEntryInput,
  FaqEntriesArgs,
  FaqTranslationInput,
  UpdateFaqEntryInput,
} from './dto/faq.inputs.js';
import { FaqEntryEntity, FaqStatus } from './faq-entry.entity.js';
import { columnsOf } from './faq-translations.js';
import { maySeeFaqEntry } from './faq-visibility.js';
import { toFaqEntryModel } from './faq.mapper.js';
import type { FaqEntryModel } from './models/faq-entry.model.js';

/** Most entries a list answers: a FAQ is read whole, but not without a bound. */
const MAX_LISTED = 1000;

/**
 * The FAQ: staff write, publish and order entries; everyone reads the published ones. Every
 * write marks the entry's search document stale in the same transaction.
 */
@Injectable()
export class FaqService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: SearchOutbox,
    private readonly relay: SearchRelay,
  ) {}

  /** By category, then position; drafts only for staff. */
  async list(args: FaqEntriesArgs, caller: Caller): Promise<FaqEntryModel[]> {
    const em = this.db.manager;
    const query = em
      .getRepository(FaqEntryEntity)
      .createQueryBuilder('faq')
      .orderBy('faq.categoryId', 'ASC')
      .addOrderBy('faq.position', 'ASC')
      .addOrderBy('faq.createdAt', 'ASC')
      .addOrderBy('faq.id', 'ASC')
      .take(MAX_LISTED);
    if (!isStaff(caller))
      query.andWhere('faq.status = :published', { published: FaqStatus.PUBLISHED });
    if (args.categoryId) {
      const categoryId = await categoryIdOf(em, args.categoryId);
      if (categoryId) query.andWhere('faq.categoryId = :categoryId', { categoryId });
      else query.andWhere('faq.categoryId IS NULL');
    }
    if (args.language) {
      const suffix = args.language.charAt(0) + args.language.slice(1).toLowerCase();
      query.andWhere(`faq.question${suffix} IS NOT NULL`);
    }
    return (await query.getMany()).map(toFaqEntryModel);
  }

  /** Not found for a draft unless the caller is staff, as for an unknown id. */
  async get(id: string, caller: Caller): Promise<FaqEntryModel> {
    const entry = await this.db.manager.findOneBy(FaqEntryEntity, { id });
    if (!entry || !maySeeFaqEntry(caller, entry)) throw notFound('FaqEntry', id);
    return toFaqEntryModel(entry);
  }

  create(input: CreateFaqEntryInput) {
    return this.db.transaction((em) => this.insert(em, input, null));
  }

  /**
   * An accepted answer becomes a DRAFT entry in one step: a copy of its question (title, blank
   * line, body) and of the answer, in `language`, in the question's category, linked to the
   * answer. Staff edit the copy afterwards; later edits of the post do not reach it.
   */
  draftFromAnswer(answerId: string, language: Language) {
    return this.db.transaction(async (em) => {
      const answer = await em.findOneBy(AnswerEntity, { id: answerId });
      const question = answer && (await em.findOneBy(QuestionEntity, { id: answer.questionId }));
      if (!answer || !question) throw notFound('answer', answerId);
      if (question.acceptedAnswerId !== answer.id) {
        throw conflict('answerId', 'only the accepted answer of a question becomes a FAQ entry');
      }
      if (answer.hiddenAt || question.hiddenAt) {
        throw conflict('answerId', 'the answer or its question is hidden: restore it first');
      }
      const input = {
        categoryId: categoryIdFor(question.categoryId),
        translations: [
          { language, question: `${question.title}\n\n${question.body}`, answer: answer.body },
        ],
      };
      return this.insert(em, input, answer.id);
    });
  }

  private async insert(
    em: EntityManager,
    input: CreateFaqEntryInput,
    sourceAnswerId: string | null,
  ): Promise<FaqEntryModel> {
    const categoryId = await categoryIdOf(em, input.categoryId);
    const entry = em.create(FaqEntryEntity, {
      categoryId,
      position: input.position ?? (await this.nextPosition(em, categoryId)),
      status: FaqStatus.DRAFT,
      publishedAt: null,
      sourceAnswerId,
      ...columnsOf(checkTranslations(input.translations)),
    });
    const saved = await em.save(entry);
    await this.outbox.faqEntriesChanged(em, [saved.id]);
    return toFaqEntryModel(saved);
  }

  update(id: string, input: UpdateFaqEntryInput) {
    return this.db.transaction(async (em) => {
      const entry = await this.load(em, id);
      if (input.categoryId !== undefined) {
        const categoryId = await categoryIdOf(em, input.categoryId);
        if (categoryId !== entry.categoryId && input.position === undefined) {
          entry.position = await this.nextPosition(em, categoryId);
        }
        entry.categoryId = categoryId;
      }
      if (input.position !== undefined) entry.position = input.position;
      if (input.translations !== undefined) {
        Object.assign(entry, columnsOf(checkTranslations(input.translations)));
      }
      const saved = await em.save(entry);
      await this.outbox.faqEntriesChanged(em, [saved.id]);
      return toFaqEntryModel(saved);
    });
  }

  async setPublished(id: string, published: boolean): Promise<FaqEntryModel> {
    const model = await this.db.transaction(async (em) => {
      const entry = await this.load(em, id);
      entry.status = published ? FaqStatus.PUBLISHED : FaqStatus.DRAFT;
      entry.publishedAt = published ? (entry.publishedAt ?? new Date()) : null;
      const saved = await em.save(entry);
      await this.outbox.faqEntriesChanged(em, [saved.id]);
      return toFaqEntryModel(saved);
    });
    // Withdrawn: answered once the index no longer shows it to the public (HIDE_WITHIN_MS).
    if (!published) await this.relay.sendNow(HIDE_WITHIN_MS);
    return model;
  }

  async delete(id: string): Promise<FaqEntryModel> {
    const model = await this.db.transaction(async (em) => {
      const entry = await this.load(em, id);
      const gone = toFaqEntryModel(entry);
      await em.delete(FaqEntryEntity, entry.id);
      await this.outbox.faqEntriesChanged(em, [entry.id]);
      return gone;
    });
    await this.relay.sendNow(HIDE_WITHIN_MS);
    return model;
  }

  private async load(em: EntityManager, id: string): Promise<FaqEntryEntity> {
    const entry = await em.findOneBy(FaqEntryEntity, { id });
    if (!entry) throw notFound('FaqEntry', id);
    return entry;
  }

  private async nextPosition(em: EntityManager, categoryId: string | null): Promise<number> {
    const last = await em.findOne(FaqEntryEntity, {
      select: { id: true, position: true },
      where: { categoryId: categoryId ?? IsNull() },
      order: { position: 'DESC' },
    });
    return last ? last.position + 1 : 0;
  }
}

/** One translation per language. */
function checkTranslations(translations: FaqTranslationInput[]): FaqTranslationInput[] {
  const seen = new Set<string>();
  translations.forEach((t, i) => {
    if (seen.has(t.language)) throw badInput(`translations[${i}].language`, 'appears twice');
    seen.add(t.language);
  });
  return translations;
}
