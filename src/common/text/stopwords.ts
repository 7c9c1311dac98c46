import { fold } from './term-recognizer.js';

/** Common words of a request in each language Kenner reads: they say nothing about what is asked. */
export const STOPWORDS: Record<string, readonly string[]> = {
  en: ['the', 'we', 'and', 'need', 'of', 'on', 'for', 'with', 'near', 'a', 'an', 'our', 'looking'],
  fr: [
    'nous',
    'une',
    'un',
    'le',
    'la',
    'les',
    'et',
    'de',
    'des',
    'pour',
    'sur',
    'pres',
    'cherchons',
    'en',
  ],
  de: [
    'wir',
    'und',
    'eine',
    'einer',
    'der',
    'die',
    'das',
    'fur',
    'mit',
    'bei',
    'suchen',
    'von',
    'in',
  ],
  nl: ['wij', 'we', 'een', 'het', 'de', 'en', 'voor', 'met', 'bij', 'zoeken', 'van', 'op'],
};

/** "XRD or SEM", "DRX ou MEB", "XRD oder REM", "XRD of SEM": the words that join alternatives. */
export const OR_WORDS: readonly string[] = ['or', 'ou', 'oder', 'of'];

const ALL_STOPWORDS = new Set([...Object.values(STOPWORDS).flat(), ...OR_WORDS]);

/** True for a common word of any of the four languages (folded: "für" is "fur"). */
export const isStopword = (word: string): boolean => ALL_STOPWORDS.has(fold(word));

/** The language whose common words the text uses most, if clearly ahead. */
export function languageOf(text: string): string | null {
  const words = fold(text).split(/[^a-z]+/);
  const scores = Object.entries(STOPWORDS)
    .map(([lang, list]) => [lang, words.filter((w) => list.includes(w)).length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [first, second] = scores;
  return first && first[1] >= 2 && first[1] > (second?.[1] ?? 0) ? first[0] : null;
}
