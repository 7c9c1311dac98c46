import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import {
  likeAny,
  likePatterns,
  type Person,
  PersonMentions,
} from '../common/text/person-mentions.js';
import { FaqEntryEntity } from '../faq/faq-entry.entity.js';
import { AnswerEntity } from '../forum/answer.entity.js';
import { CommentEntity } from '../forum/comment.entity.js';
import { QuestionEntity } from '../forum/question.entity.js';
import { ReportEntity } from '../forum/report.entity.js';
import { InquiryTransitionEntity } from '../inquiries/inquiry-transition.entity.js';
import { InquiryEntity } from '../inquiries/inquiry.entity.js';

/**
 * Text people wrote that may name an expert: what a requester asked, staff notes, and forum posts
 * (theirs, which lose their author when the account goes, and anyone else's) and reports.
 */
const FREE_TEXT: {
  entity: EntityTarget<ObjectLiteral>;
  column: string;
  /** Where a changed row is in a search document: its question, or a FAQ entry. */
  indexed?: { question: 'id' | 'questionId' } | { faq: true };
}[] = [
  { entity: InquiryEntity, column: 'description' },
  { entity: InquiryTransitionEntity, column: 'note' },
  { entity: QuestionEntity, column: 'title', indexed: { question: 'id' } },
  { entity: QuestionEntity, column: 'body', indexed: { question: 'id' } },
  // A hidden answer is a document of its own: its question's change re-reads it too.
  { entity: AnswerEntity, column: 'body', indexed: { question: 'questionId' } },
  { entity: CommentEntity, column: 'body' },
  { entity: ReportEntity, column: 'reason' },
  // FAQ entries may be copies of forum answers (draftFaqFromAnswer).
  ...(['En', 'Fr', 'De', 'Nl'] as const).flatMap((l) =>
    ['question', 'answer'].map((kind) => ({
      entity: FaqEntryEntity,
      column: `${kind}${l}`,
      indexed: { faq: true } as const,
    })),
  ),
];

/** What an erasure changed that search documents hold: the caller marks them stale. */
export interface ErasedMentions {
  rows: number;
  questionIds: string[];
  faqEntryIds: string[];
}

export const REMOVED = '[removed: a person erased from the directory]';

/** Replaces each line of free text that names the person; says what changed. */
export async function eraseFreeTextMentions(
  em: EntityManager,
  person: Person,
): Promise<ErasedMentions> {
  const mentions = new PersonMentions(person);
  const patterns = likePatterns(person);
  const changed: ErasedMentions = { rows: 0, questionIds: [], faqEntryIds: [] };
  if (patterns.length === 0) return changed;
  for (const { entity, column, indexed } of FREE_TEXT) {
    const { where, parameters } = likeAny(`t.${column}`, patterns);
    const questionColumn = indexed && 'question' in indexed ? indexed.question : 'id';
    const rows = await em
      .createQueryBuilder(entity, 't')
      .select([...new Set(['t.id', `t.${questionColumn}`]), `t.${column}`])
      .where(where, parameters)
      .getMany();
    for (const row of rows) {
      const text = row[column] as string | null;
      if (!text || !mentions.in(text)) continue;
      await em.update(entity, row.id, { [column]: mentions.redactLines(text, REMOVED) });
      changed.rows++;
      if (indexed && 'question' in indexed) changed.questionIds.push(row[questionColumn] as string);
      if (indexed && 'faq' in indexed) changed.faqEntryIds.push(row.id as string);
    }
  }
  return changed;
}
