import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { MaterialEntity, SectorEntity } from '../vocabularies/vocabulary-entry.entity.js';
import type { RawRecord } from './import-file.reader.js';
import type { Checked, Rejections } from './import-report.js';
import { checkSlugRows } from './row-validation.js';
import { differsIn, type Upsert, upsertRows, type WriteTarget } from './upsert.js';
import { toVocabularyRow, VocabularyImportRow } from './vocabulary.rows.js';

const FIELDS = ['name', 'nameFr', 'nameDe', 'nameNl'] as const;

/** The two vocabularies, as the search outbox names them. */
export const VOCABULARIES = {
  materials: { type: 'Material', entity: MaterialEntity },
  sectors: { type: 'Sector', entity: SectorEntity },
} as const;
type Vocabulary = (typeof VOCABULARIES)[keyof typeof VOCABULARIES];

/** Validates material or sector records: the API's rules and a slug used once in the file. */
export const checkVocabulary = (records: RawRecord[], rejections: Rejections) =>
  checkSlugRows(VocabularyImportRow, toVocabularyRow, records, rejections);

/** Upserts materials or sectors by slug; writes only what differs. */
export async function writeVocabulary(
  vocabulary: Vocabulary,
  rows: Checked<VocabularyImportRow>[],
  target: WriteTarget,
): Promise<void> {
  const { em } = target;
  const existing = new Map(
    (await em.find<MaterialEntity>(vocabulary.entity)).map((e) => [e.slug, e]),
  );
  await upsertRows(rows, target, ({ row }): Upsert<MaterialEntity> => {
    const values = {
      name: row.name,
      nameFr: row.nameFr ?? null,
      nameDe: row.nameDe ?? null,
      nameNl: row.nameNl ?? null,
    };
    return {
      match: existing.get(row.slug),
      differs: (match) => differsIn(FIELDS, match, values),
      create: () => em.save(em.create(vocabulary.entity, { ...values, slug: row.slug })),
      update: async (match) => {
        em.merge(vocabulary.entity, match, values);
        await em.save(match);
        // Expert documents carry the names of their materials and sectors.
        await new SearchOutbox().vocabularyChanged(em, vocabulary.type, match.id);
      },
    };
  });
}
