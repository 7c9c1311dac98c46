import type { EntityManager } from 'typeorm';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { MaterialEntity, SectorEntity } from '../vocabularies/vocabulary-entry.entity.js';
import type { RawRecord } from './import-file.reader.js';
import { type Checked, type KindCounts, type Rejections, sameValue } from './import-report.js';
import { checkSlugRows } from './row-validation.js';
import { toVocabularyRow, VocabularyImportRow } from './vocabulary.rows.js';

const FIELDS = ['name', 'nameFr', 'nameDe', 'nameNl'] as const;

/** The two vocabularies, as the search outbox names them. */
export const VOCABULARIES = {
  materials: { type: 'Material', entity: MaterialEntity },
  sectors: { type: 'Sector', entity: SectorEntity },
} as const;

/** Validates material or sector records: the API's rules and a slug used once in the file. */
export const checkVocabulary = (records: RawRecord[], rejections: Rejections) =>
  checkSlugRows(VocabularyImportRow, toVocabularyRow, records, rejections);

/** Upserts materials or sectors by slug; writes only what differs. */
export async function writeVocabulary(
  em: EntityManager,
  vocabulary: (typeof VOCABULARIES)[keyof typeof VOCABULARIES],
  rows: Checked<VocabularyImportRow>[],
  counts: KindCounts,
  progress: (done: number) => void,
): Promise<void> {
  const existing = new Map(
    (await em.find<MaterialEntity>(vocabulary.entity)).map((e) => [e.slug, e]),
  );
  let done = 0;
  for (const { row } of rows) {
    const values = {
      name: row.name,
      nameFr: row.nameFr ?? null,
      nameDe: row.nameDe ?? null,
      nameNl: row.nameNl ?? null,
    };
    const match = existing.get(row.slug);
    if (!match) {
      await em.save(em.create(vocabulary.entity, { ...values, slug: row.slug }));
      counts.created += 1;
    } else if (FIELDS.some((f) => !sameValue(match[f], values[f]))) {
      em.merge(vocabulary.entity, match, values);
      await em.save(match);
      // Expert documents carry the names of their materials and sectors.
      await new SearchOutbox().vocabularyChanged(em, vocabulary.type, match.id);
      counts.updated += 1;
    } else counts.unchanged += 1;
    progress(++done);
  }
}
