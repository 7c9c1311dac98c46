import { CreateVocabularyEntryInput } from '../vocabularies/dto/vocabulary.inputs.js';
import { text } from './row-validation.js';

/** The API's rules for a material or a sector; experts name it by its slug. */
export class VocabularyImportRow extends CreateVocabularyEntryInput {}

export function toVocabularyRow(data: Record<string, unknown>): object {
  return {
    slug: text(data.slug),
    name: text(data.name),
    nameFr: text(data.nameFr) ?? null,
    nameDe: text(data.nameDe) ?? null,
    nameNl: text(data.nameNl) ?? null,
  };
}
