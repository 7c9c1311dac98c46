import type { EntityManager } from 'typeorm';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { organisationKey } from './reference-index.js';
import type { RawRecord } from './import-file.reader.js';
import { type Checked, type Rejections, sameValue } from './import-report.js';
import { OrganisationImportRow, toOrganisationRow } from './organisation.rows.js';
import { checkRecords } from './row-validation.js';
import { differsIn, type Upsert, upsertRows, type WriteTarget } from './upsert.js';

const FIELDS = [
  'name',
  'acronym',
  'aliases',
  'type',
  'description',
  'website',
  'city',
  'region',
  'country',
  'latitude',
  'longitude',
  'rorId',
] as const;

const nameKey = (name: string, country: string) => `${organisationKey(name)}|${country}`;

/**
 * Validates organisation records: the API's rules, unique ROR ids, known cluster slugs (in the
 * database, or `fileClusters` imported by the same file).
 */
export async function checkOrganisations(
  em: EntityManager,
  records: RawRecord[],
  rejections: Rejections,
  fileClusters: string[] = [],
): Promise<Checked<OrganisationImportRow>[]> {
  const stored = await em.find(ClusterEntity, { select: { slug: true } });
  const clusters = new Set([...stored.map((c) => c.slug), ...fileClusters]);
  return checkOrganisationRecords(records, clusters, rejections);
}

/** The checks of `checkOrganisations` that need no database: `clusters` are the known slugs. */
export const checkOrganisationRecords = (
  records: RawRecord[],
  clusters: ReadonlySet<string>,
  rejections: Rejections,
): Checked<OrganisationImportRow>[] =>
  checkRecords(records, rejections, {
    cls: OrganisationImportRow,
    toRow: toOrganisationRow,
    keysOf: (row) => (row.rorId ? [row.rorId] : []),
    problemOf: (row, seenRor) => {
      if (row.rorId && seenRor.has(row.rorId))
        return `rorId: ${row.rorId} appears twice in the file`;
      const unknownCluster = row.clusters?.find((slug) => !clusters.has(slug));
      return unknownCluster ? `clusters: no cluster with slug "${unknownCluster}"` : null;
    },
  });

/** Upserts by ROR id, else by name and country; writes only what differs. */
export async function writeOrganisations(
  rows: Checked<OrganisationImportRow>[],
  target: WriteTarget,
): Promise<void> {
  const { em } = target;
  const existing = await em.find(OrganisationEntity, { relations: { clusters: true } });
  const byRor = new Map(existing.filter((o) => o.rorId).map((o) => [o.rorId as string, o]));
  const byName = new Map(existing.map((o) => [nameKey(o.name, o.country), o]));
  const clusterRows = await em.find(ClusterEntity);
  const clusterBySlug = new Map(clusterRows.map((c) => [c.slug, c]));
  await upsertRows(rows, target, ({ row }): Upsert<OrganisationEntity> => {
    const values = Object.fromEntries(
      FIELDS.map((f) => [f, row[f] ?? null]),
    ) as Partial<OrganisationEntity>;
    const clusters = (row.clusters ?? []).map((slug) => clusterBySlug.get(slug) as ClusterEntity);
    return {
      match:
        (row.rorId ? byRor.get(row.rorId) : undefined) ??
        byName.get(nameKey(row.name, row.country)),
      differs: (match) =>
        differsIn(FIELDS, match, values) || !sameValue(slugs(match.clusters), slugs(clusters)),
      create: async () => {
        const created = em.create(OrganisationEntity, { ...values, clusters });
        await em.save(created);
        await new SearchOutbox().organisationsChanged(em, [created.id]);
        byName.set(nameKey(row.name, row.country), created);
      },
      update: async (match) => {
        em.merge(OrganisationEntity, match, values);
        match.clusters = clusters;
        await em.save(match);
        await new SearchOutbox().organisationsChanged(em, [match.id]);
      },
    };
  });
}

const slugs = (clusters: ClusterEntity[] | undefined) => (clusters ?? []).map((c) => c.slug).sort();
