import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EXPERTS_INDEX } from '../indexes/experts.index.js';
import { SETTINGS_DOCUMENT, settingsOutboxName } from '../indexes/search-indexes.js';
import { SearchOutboxEntity } from './search-outbox.entity.js';

const CHUNK = 300;

/**
 * Records, inside the caller's transaction, which search documents a write makes stale —
 * including the fan-out: renaming a technique or moving an organisation touches every expert
 * document that embeds it. This is the one place that knows what embeds what.
 */
@Injectable()
export class SearchOutbox {
  async expertsChanged(em: EntityManager, expertIds: string[]): Promise<void> {
    await enqueue(em, EXPERTS_INDEX, expertIds);
  }

  async organisationsChanged(em: EntityManager, organisationIds: string[]): Promise<void> {
    if (organisationIds.length === 0) return;
    const rows = await em.query<{ id: string }[]>(
      `SELECT id FROM experts WHERE "organisationId" IN (${placeholders(em, organisationIds.length)})`,
      organisationIds,
    );
    await this.expertsChanged(
      em,
      rows.map((r) => r.id),
    );
  }

  /** Experts with a skill in these techniques or anything below them (ancestors are embedded). */
  async technologiesChanged(em: EntityManager, technologyIds: string[]): Promise<void> {
    if (technologyIds.length === 0) return;
    await this.taxonomyChanged(em);
    const all = await em.query<{ id: string; parentId: string | null }[]>(
      `SELECT id, "parentId" FROM technologies`,
    );
    const children = new Map<string, string[]>();
    for (const t of all)
      if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
    const affected = new Set<string>();
    const stack = [...technologyIds];
    while (stack.length) {
      const id = stack.pop() as string;
      if (affected.has(id)) continue;
      affected.add(id);
      stack.push(...(children.get(id) ?? []));
    }
    const ids = [...affected];
    const experts: string[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const part = ids.slice(i, i + CHUNK);
      const rows = await em.query<{ expertId: string }[]>(
        `SELECT DISTINCT "expertId" FROM expert_skills WHERE "technologyId" IN (${placeholders(em, part.length)})`,
        part,
      );
      experts.push(...rows.map((r) => r.expertId));
    }
    await this.expertsChanged(em, [...new Set(experts)]);
  }

  /** Synonyms derive from the taxonomy: ask the relay to re-apply the experts index settings. */
  async taxonomyChanged(em: EntityManager): Promise<void> {
    await enqueue(em, settingsOutboxName(EXPERTS_INDEX), [SETTINGS_DOCUMENT]);
  }

  async clustersChanged(em: EntityManager, clusterIds: string[]): Promise<void> {
    if (clusterIds.length === 0) return;
    const rows = await em.query<{ organisationId: string }[]>(
      `SELECT "organisationId" FROM organisation_clusters WHERE "clusterId" IN (${placeholders(em, clusterIds.length)})`,
      clusterIds,
    );
    await this.organisationsChanged(
      em,
      rows.map((r) => r.organisationId),
    );
  }

  async vocabularyChanged(
    em: EntityManager,
    kind: 'Material' | 'Sector',
    entryId: string,
  ): Promise<void> {
    const [table, column] =
      kind === 'Material' ? ['expert_materials', 'materialId'] : ['expert_sectors', 'sectorId'];
    const rows = await em.query<{ expertId: string }[]>(
      `SELECT "expertId" FROM ${table} WHERE "${column}" = ${placeholders(em, 1)}`,
      [entryId],
    );
    await this.expertsChanged(
      em,
      rows.map((r) => r.expertId),
    );
  }
}

/** Adds one outbox row per document; duplicates are collapsed later by the relay. */
export async function enqueue(
  em: EntityManager,
  indexName: string,
  documentIds: string[],
): Promise<void> {
  const ids = [...new Set(documentIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    await em
      .createQueryBuilder()
      .insert()
      .into(SearchOutboxEntity)
      .values(ids.slice(i, i + CHUNK).map((documentId) => ({ indexName, documentId })))
      .execute();
  }
}

/** `$1, $2…` on PostgreSQL, `?, ?…` on SQLite. */
function placeholders(em: EntityManager, count: number): string {
  const postgres = em.dataSource.options.type === 'postgres';
  return Array.from({ length: count }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
}
