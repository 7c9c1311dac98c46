import type { EntityManager } from 'typeorm';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { childrenIndex, parentsFirst, rootOf, subtreeOf } from '../technologies/taxonomy.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import type { RawRecord } from './import-file.reader.js';
import type { Checked, Rejections } from './import-report.js';
import { checkRecords } from './row-validation.js';
import { countChmoClaims, TechnologyImportRow, toTechnologyRow } from './technology.rows.js';
import { differsIn, type Upsert, upsertRows, type WriteTarget } from './upsert.js';

const FIELDS = [
  'name',
  'nameFr',
  'nameDe',
  'nameNl',
  'acronyms',
  'synonyms',
  'description',
  'chameoId',
  'chmoId',
  'wikidataId',
] as const;

/** The keys another row or the database may use to name a technique. */
const keysOf = (t: { slug: string; chameoId?: string | null; chmoId?: string | null }) =>
  [t.slug, t.chameoId, t.chmoId].filter((k): k is string => Boolean(k));

/** The keys a row of the file may be named by: its own, and the id it has in its source. */
const fileKeysOf = (row: TechnologyImportRow, data: Record<string, unknown>) => {
  const sourceId = typeof data.id === 'string' ? data.id : undefined;
  return [...keysOf(row), ...(sourceId ? [sourceId] : [])];
};

export interface CheckedTechnology extends Checked<TechnologyImportRow> {
  /** The parent row of this file, when the parent is imported too. */
  parentRow?: CheckedTechnology;
  /** The parent already in the database. */
  parentDbId?: string;
}

/**
 * Validates technique records: the API's rules, unique keys within the file, a parent that exists
 * (in the file or the database) and no cycle. A child of a refused row is refused too.
 */
export async function checkTechnologies(
  em: EntityManager,
  records: RawRecord[],
  rejections: Rejections,
): Promise<CheckedTechnology[]> {
  const existing = await em.find(TechnologyEntity, {
    select: { id: true, slug: true, chameoId: true, chmoId: true },
  });
  const stored = new Map(existing.flatMap((t) => keysOf(t).map((k) => [k, t.id] as const)));
  return checkTechnologyRecords(records, stored, rejections);
}

/**
 * The checks of `checkTechnologies` on records alone: `stored` maps the keys of techniques already
 * in the database (slug, CHAMEO and CHMO ids) to their ids.
 */
export function checkTechnologyRecords(
  records: RawRecord[],
  stored: ReadonlyMap<string, string>,
  rejections: Rejections,
): CheckedTechnology[] {
  const claims = countChmoClaims(records.map((r) => r.data));
  const rows: CheckedTechnology[] = checkRecords(records, rejections, {
    cls: TechnologyImportRow,
    toRow: (data) => toTechnologyRow(data, claims),
    keysOf: fileKeysOf,
    problemOf: (row, seen) => {
      const duplicate = keysOf(row).find((k) => seen.has(k));
      return duplicate ? `slug: "${duplicate}" appears twice in the file` : null;
    },
  });
  // Locations are unique: each row is found again by every key it took.
  const dataAt = new Map(records.map((r) => [r.location, r.data]));
  const byKey = new Map<string, CheckedTechnology>();
  for (const checked of rows)
    for (const key of fileKeysOf(checked.row, dataAt.get(checked.location) ?? {}))
      byKey.set(key, checked);
  for (const checked of rows) {
    const parent = checked.row.parent;
    if (!parent) continue;
    checked.parentRow = byKey.get(parent);
    checked.parentDbId = checked.parentRow ? undefined : stored.get(parent);
    if (!checked.parentRow && !checked.parentDbId) {
      rejections.add(
        checked.location,
        `parent: no technique "${parent}" in the file or the database`,
      );
    }
  }
  const parentRowOf = (checked: CheckedTechnology) => checked.parentRow;
  for (const checked of rows) {
    if (rootOf(checked, parentRowOf) === null) {
      rejections.add(checked.location, 'parent: the parent chain loops back on itself');
    }
  }
  // A refused row takes everything below it in the file with it.
  const refused = rows.filter((r) => rejections.has(r.location));
  const childrenOf = childrenIndex(rows, (r) => r, parentRowOf);
  for (const checked of subtreeOf(refused, childrenOf)) {
    if (checked.parentRow && !rejections.has(checked.location)) {
      rejections.add(
        checked.location,
        `parent: its parent (${checked.parentRow.location}) was refused`,
      );
    }
  }
  return rows.filter((r) => !rejections.has(r.location));
}

/** Upserts parents before children, by CHAMEO id, CHMO id, then slug; keeps categories right. */
export async function writeTechnologies(
  rows: CheckedTechnology[],
  target: WriteTarget,
): Promise<void> {
  const { em } = target;
  const existing = await em.find(TechnologyEntity);
  const dbByKey = new Map(existing.flatMap((t) => keysOf(t).map((k) => [k, t] as const)));
  const byId = new Map(existing.map((t) => [t.id, t]));
  const saved = new Map<CheckedTechnology, TechnologyEntity>();
  const remember = (checked: CheckedTechnology, entity: TechnologyEntity) => {
    saved.set(checked, entity);
    byId.set(entity.id, entity);
  };
  const rowsInOrder = parentsFirst(rows, (r) => r.parentRow);
  await upsertRows(rowsInOrder, target, (checked): Upsert<TechnologyEntity> => {
    const { row } = checked;
    const parent = checked.parentRow
      ? saved.get(checked.parentRow)
      : checked.parentDbId
        ? byId.get(checked.parentDbId)
        : undefined;
    const values = {
      name: row.name,
      nameFr: row.nameFr ?? null,
      nameDe: row.nameDe ?? null,
      nameNl: row.nameNl ?? null,
      acronyms: row.acronyms ?? [],
      synonyms: row.synonyms ?? [],
      description: row.description ?? '',
      chameoId: row.chameoId ?? null,
      chmoId: row.chmoId ?? null,
      wikidataId: row.wikidataId ?? null,
      parentId: parent?.id ?? null,
    };
    const match = [row.chameoId, row.chmoId, row.slug]
      .map((k) => (k ? dbByKey.get(k) : undefined))
      .find(Boolean);
    // Rows below this one find it here, whether it is written or not.
    if (match) remember(checked, match);
    // A root is its own category; anything else takes its parent's.
    const categoryOf = (stored: TechnologyEntity) => (parent ? parent.categoryId : stored.id);
    return {
      match,
      differs: (stored) =>
        differsIn([...FIELDS, 'parentId' as const], stored, values) ||
        stored.categoryId !== categoryOf(stored),
      create: async () => {
        const entity = await em.save(
          em.create(TechnologyEntity, {
            ...values,
            slug: row.slug,
            categoryId: parent?.categoryId ?? null,
          }),
        );
        if (!parent) await em.update(TechnologyEntity, entity.id, { categoryId: entity.id });
        entity.categoryId = parent?.categoryId ?? entity.id;
        await new SearchOutbox().technologiesChanged(em, [entity.id]);
        remember(checked, entity);
      },
      update: async (stored) => {
        em.merge(TechnologyEntity, stored, { ...values, categoryId: categoryOf(stored) });
        await em.save(stored);
        await new SearchOutbox().technologiesChanged(em, [stored.id]);
      },
    };
  });
}
