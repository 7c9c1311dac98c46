import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import {
  likeAny,
  likePatterns,
  type Person,
  PersonMentions,
} from '../common/text/person-mentions.js';
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
const FREE_TEXT: { entity: EntityTarget<ObjectLiteral>; column: string }[] = [
  { entity: InquiryEntity, column: 'description' },
  { entity: InquiryTransitionEntity, column: 'note' },
  { entity: QuestionEntity, column: 'title' },
  { entity: QuestionEntity, column: 'body' },
  { entity: AnswerEntity, column: 'body' },
  { entity: CommentEntity, column: 'body' },
  { entity: ReportEntity, column: 'reason' },
];

export const REMOVED = '[removed: a person erased from the directory]';

/** Replaces each line of free text that names the person; returns how many rows changed. */
export async function eraseFreeTextMentions(em: EntityManager, person: Person): Promise<number> {
  const mentions = new PersonMentions(person);
  const patterns = likePatterns(person);
  if (patterns.length === 0) return 0;
  let changed = 0;
  for (const { entity, column } of FREE_TEXT) {
    const { where, parameters } = likeAny(`t.${column}`, patterns);
    const rows = await em
      .createQueryBuilder(entity, 't')
      .select(['t.id', `t.${column}`])
      .where(where, parameters)
      .getMany();
    for (const row of rows) {
      const text = row[column] as string | null;
      if (!text || !mentions.in(text)) continue;
      await em.update(entity, row.id, { [column]: mentions.redactLines(text, REMOVED) });
      changed++;
    }
  }
  return changed;
}
