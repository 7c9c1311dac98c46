import { Language, LANGUAGES } from '../common/i18n/language.js';
import type { FaqEntryEntity } from './faq-entry.entity.js';

export interface FaqTranslation {
  language: Language;
  question: string;
  answer: string;
}

type TextColumns = Pick<
  FaqEntryEntity,
  | 'questionEn'
  | 'answerEn'
  | 'questionFr'
  | 'answerFr'
  | 'questionDe'
  | 'answerDe'
  | 'questionNl'
  | 'answerNl'
>;

const COLUMNS: Record<Language, { question: keyof TextColumns; answer: keyof TextColumns }> = {
  [Language.EN]: { question: 'questionEn', answer: 'answerEn' },
  [Language.FR]: { question: 'questionFr', answer: 'answerFr' },
  [Language.DE]: { question: 'questionDe', answer: 'answerDe' },
  [Language.NL]: { question: 'questionNl', answer: 'answerNl' },
};

/** The languages an entry is written in, EN, FR, DE, NL order. */
export function translationsOf(entry: TextColumns): FaqTranslation[] {
  return LANGUAGES.flatMap((language) => {
    const { question, answer } = COLUMNS[language];
    const q = entry[question];
    const a = entry[answer];
    return q && a ? [{ language, question: q, answer: a }] : [];
  });
}

/** The columns that hold exactly `translations`: languages left out are cleared. */
export function columnsOf(translations: readonly FaqTranslation[]): TextColumns {
  const columns = Object.fromEntries(
    Object.values(COLUMNS).flatMap((c) => [
      [c.question, null],
      [c.answer, null],
    ]),
  ) as Record<keyof TextColumns, string | null>;
  for (const t of translations) {
    columns[COLUMNS[t.language].question] = t.question;
    columns[COLUMNS[t.language].answer] = t.answer;
  }
  return columns;
}
