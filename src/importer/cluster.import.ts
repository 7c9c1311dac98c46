import { ClusterEntity } from '../clusters/cluster.entity.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { ClusterImportRow, toClusterRow } from './cluster.rows.js';
import type { RawRecord } from './import-file.reader.js';
import type { Checked, Rejections } from './import-report.js';
import { checkSlugRows } from './row-validation.js';
import { differsIn, type Upsert, upsertRows, type WriteTarget } from './upsert.js';

const FIELDS = ['name', 'description', 'website'] as const;

/** Validates cluster records: the API's rules and a slug used once in the file. */
export const checkClusters = (records: RawRecord[], rejections: Rejections) =>
  checkSlugRows(ClusterImportRow, toClusterRow, records, rejections);

/** Upserts by slug; writes only what differs. */
export async function writeClusters(
  rows: Checked<ClusterImportRow>[],
  target: WriteTarget,
): Promise<void> {
  const { em } = target;
  const existing = new Map((await em.find(ClusterEntity)).map((c) => [c.slug, c]));
  await upsertRows(rows, target, ({ row }): Upsert<ClusterEntity> => {
    const values = {
      name: row.name,
      description: row.description ?? '',
      website: row.website ?? null,
    };
    return {
      match: existing.get(row.slug),
      differs: (match) => differsIn(FIELDS, match, values),
      create: () => em.save(em.create(ClusterEntity, { ...values, slug: row.slug })),
      update: async (match) => {
        em.merge(ClusterEntity, match, values);
        await em.save(match);
        // Organisation and expert documents carry cluster names and slugs.
        await new SearchOutbox().clustersChanged(em, [match.id]);
      },
    };
  });
}
