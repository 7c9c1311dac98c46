import { registerEnumType } from '@nestjs/graphql';

/** The languages Kenner answers in: those of the Greater Region, and English. */
export enum Language {
  EN = 'EN',
  FR = 'FR',
  DE = 'DE',
  NL = 'NL',
}

registerEnumType(Language, {
  name: 'Language',
  description: 'A language labels can come in. English when left out or null.',
});

export const LANGUAGES: readonly Language[] = Object.values(Language);

/** What a caller asked for, English when it asked for nothing (an explicit null included). */
export const languageOr = (language: Language | null | undefined): Language =>
  language ?? Language.EN;

/** The BCP 47 tag of a language, for `Intl`. */
export const localeOf = (language: Language): string => language.toLowerCase();

/**
 * The name of a row in `language`, English when it has no name in that language: vocabularies
 * and techniques carry `name` (English, always present) and optional `nameFr`, `nameDe`, `nameNl`.
 */
export function nameIn(
  row: { name: string; nameFr: string | null; nameDe: string | null; nameNl: string | null },
  language: Language,
): string {
  switch (language) {
    case Language.EN:
      return row.name;
    case Language.FR:
      return row.nameFr || row.name;
    case Language.DE:
      return row.nameDe || row.name;
    case Language.NL:
      return row.nameNl || row.name;
  }
}
