import type { LocalizedAttributes } from 'meilisearch';

/**
 * Attributes named `…_de` hold German text only, and are tokenized as German: compounds are split,
 * so "Beugung" finds "Röntgenbeugung" and "Prüfung" finds "Ultraschallprüfung". Mixed-language
 * attributes (`names`) are left to Meilisearch's detection, which cannot split a compound inside
 * a list that also holds English and French names.
 */
export const CLUSTER_LOCALES: LocalizedAttributes = [
  { attributePatterns: ['*_de'], locales: ['deu'] },
  { attributePatterns: ['*'], locales: ['eng', 'fra', 'deu', 'nld'] },
];
