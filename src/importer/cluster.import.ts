import type { EntityManager } from 'typeorm';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { ClusterImportRow, toClusterRow } from './cluster.rows.js';
import type { RawRecord } from './import-file.reader.js';
import { type Checked, type KindCounts, type Rejections, sameValue } from './import-report.js';
import { checkSlugRows } from './row-validation.js';

const FIELDS = ['name', 'description', 'website'] as const;

/** Validates cluster records: the API's rules and a slug used once in the file. */
export const checkClusters = (records: RawRecord[], rejections: Rejections) =>
  checkSlugRows(ClusterImportRow, toClusterRow, records, rejections);

/** Upserts by slug; writes only what differs. */
export async function writeClusters(
  em: EntityManager,
  rows: Checked<ClusterImportRow>[],
  counts: KindCounts,
  progress: (done: number) => void,
): Promise<void> {
  const existing = new Map((await em.find(ClusterEntity)).map((c) => [c.slug, c]));
  let done = 0;
  for (const { row } of rows) {
    const values = {
      name: row.name,
      description: row.description ?? '',
      website: row.website ?? null,
    };
    const match = existing.get(row.slug);
    if (!match) {
      await em.save(em.create(ClusterEntity, { ...values, slug: row.slug }));
      counts.created += 1;
    } else if (FIELDS.some((f) => !sameValue(match[f], values[f]))) {
      em.merge(ClusterEntity, match, values);
      await em.save(match);
      // Organisation and expert documents carry cluster names and slugs.
      await new SearchOutbox().clustersChanged(em, [match.id]);
      counts.updated += 1;
    } else counts.unchanged += 1;
    progress(++done);
  }
}
