import { type EntityManager, In } from 'typeorm';
import { Visibility } from '../../experts/expert.entity.js';
import { FaqEntryEntity, FaqStatus } from '../../faq/faq-entry.entity.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { GENERAL_CATEGORY } from '../../technologies/exchange-categories.js';
import { type MentionedTechniques, techniqueReader } from './mentioned-techniques.js';
import { namesOf } from './projection.js';

/**
 * What the FAQ index holds for one entry, drafts included. `visibility` speaks the experts'
 * vocabulary so one filter (experts/expert-visibility.filter.ts) serves every index: a published
 * entry is PUBLIC, a draft STAFF (faq/faq-visibility.ts states the same rule for the database).
 */
export interface FaqDocument extends MentionedTechniques {
  id: string;
  visibility: Visibility;
  /** Always empty: an entry belongs to no cluster; the field is there for the shared filter. */
  clusters: string[];
  status: FaqStatus;
  /** The slug of its top technique category, or GENERAL. */
  category: string;
  /** The category's names in every language, so "Mikroskopie" finds microscopy entries. */
  categoryNames: string[];
  position: number;
  /** ISO 639-1 codes of the languages it is written in. */
  languages: string[];
  question_en: string | null;
  answer_en: string | null;
  question_fr: string | null;
  answer_fr: string | null;
  /** German text, tokenized as German (locales.ts): "Beugung" finds "Röntgenbeugung". */
  question_de: string | null;
  answer_de: string | null;
  question_nl: string | null;
  answer_nl: string | null;
}

export async function loadFaqDocuments(
  em: EntityManager,
  ids: string[],
): Promise<Map<string, FaqDocument>> {
  const out = new Map<string, FaqDocument>();
  if (ids.length === 0) return out;
  const entries = await em.findBy(FaqEntryEntity, { id: In(ids) });
  if (entries.length === 0) return out;
  const categoryIds = [...new Set(entries.flatMap((e) => (e.categoryId ? [e.categoryId] : [])))];
  const categories = categoryIds.length
    ? await em.findBy(TechnologyEntity, { id: In(categoryIds) })
    : [];
  const categoryOf = new Map(categories.map((c) => [c.id, c]));
  const mentioned = await techniqueReader(em);
  for (const e of entries) {
    const category = e.categoryId ? categoryOf.get(e.categoryId) : undefined;
    const texts = {
      question_en: e.questionEn,
      answer_en: e.answerEn,
      question_fr: e.questionFr,
      answer_fr: e.answerFr,
      question_de: e.questionDe,
      answer_de: e.answerDe,
      question_nl: e.questionNl,
      answer_nl: e.answerNl,
    };
    out.set(e.id, {
      id: e.id,
      visibility: e.status === FaqStatus.PUBLISHED ? Visibility.PUBLIC : Visibility.STAFF,
      clusters: [],
      status: e.status,
      category: category?.slug ?? GENERAL_CATEGORY,
      categoryNames: category ? namesOf(category) : [],
      position: e.position,
      languages: (['en', 'fr', 'de', 'nl'] as const).filter((l) => texts[`question_${l}`]),
      ...texts,
      ...mentioned(Object.values(texts)),
    });
  }
  return out;
}
