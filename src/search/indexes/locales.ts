import type { LocalizedAttributes } from 'meilisearch';

/**
 * For the techniques, FAQ and forum indexes: attributes named `…_de` hold German text only, and
 * are tokenized as German: compounds are split, so "Beugung" finds "Röntgenbeugung" and "Prüfung"
 * finds "Ultraschallprüfung". The rest is left to Meilisearch's detection among the region's
 * languages.
 */
export const CLUSTER_LOCALES: LocalizedAttributes = [
  { attributePatterns: ['*_de'], locales: ['deu'] },
  { attributePatterns: ['*'], locales: ['eng', 'fra', 'deu', 'nld'] },
];

/**
 * For the experts and organisations indexes, which are searched by people's and organisations'
 * names: no German, so no word is ever split as a compound. Once German is allowed anywhere in an
 * index, a query or a field of a few words may be taken for German and split ("Goossens",
 * "Becker", "chemist", "Reindex"), and a word split on one side only matches nothing: on 600 demo
 * experts "Becker" found 3 of its 8 bearers, "Michel" answered 266 experts, and "chemist" put
 * "Research scientist" first (docs/search.md). A compound's parts still find experts through
 * query understanding, which reads the techniques index ("Beugung" → the diffraction techniques).
 */
export const WHOLE_WORD_LOCALES: LocalizedAttributes = [
  { attributePatterns: ['*'], locales: ['eng', 'fra', 'nld'] },
];
