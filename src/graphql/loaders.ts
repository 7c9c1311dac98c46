import DataLoader from 'dataloader';
import { whereVisible } from '../experts/expert-visibility.js';
import type { Caller } from '../auth/caller.js';
import { type DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { ExpertSkillEntity } from '../experts/expert-skill.entity.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { FollowEntity } from '../forum/follow.entity.js';
import { InstrumentEntity } from '../instruments/instrument.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { MaterialEntity, SectorEntity } from '../vocabularies/vocabulary-entry.entity.js';

type WithId = ObjectLiteral & { id: string };

/** One query for a whole batch of ids, answered in key order (null where a row is gone). */
function byId<E extends WithId>(db: DataSource, target: EntityTarget<E>) {
  return new DataLoader<string, E | null>(async (ids) => {
    const rows = await db.getRepository(target).findBy({ id: In([...ids]) } as never);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** One query for the children of a whole batch of parents, grouped back per parent. */
function grouped<R>(load: (keys: string[]) => Promise<[string, R][]>) {
  return new DataLoader<string, R[]>(async (keys) => {
    const groups = new Map<string, R[]>(keys.map((key) => [key, []]));
    for (const [key, row] of await load([...keys])) groups.get(key)?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** Joins through a many-to-many table and returns (owner id, related entity) pairs. */
function viaJoinTable<E extends WithId>(
  db: DataSource,
  target: EntityTarget<E>,
  table: string,
  ownerColumn: string,
  relatedColumn: string,
) {
  return grouped<E>(async (keys) => {
    const links = await db
      .createQueryBuilder()
      .select([`link."${ownerColumn}" AS owner`, `link."${relatedColumn}" AS related`])
      .from(table, 'link')
      .where(`link."${ownerColumn}" IN (:...keys)`, { keys })
      .getRawMany<{ owner: string; related: string }>();
    if (links.length === 0) return [];
    const related = await db
      .getRepository(target)
      .findBy({ id: In([...new Set(links.map((l) => l.related))]) } as never);
    const byKey = new Map(related.map((row) => [row.id, row]));
    return links.flatMap((l) => {
      const row = byKey.get(l.related);
      return row ? [[l.owner, row] as [string, E]] : [];
    });
  });
}

/**
 * Per-request batching: however many experts a page holds, their organisations, skills and
 * technologies cost one query each. A new set is made for every request so nothing is cached
 * across callers.
 */
export function createLoaders(db: DataSource, caller: Caller) {
  return {
    cluster: byId(db, ClusterEntity),
    organisation: byId(db, OrganisationEntity),
    technology: byId(db, TechnologyEntity),
    instrument: byId(db, InstrumentEntity),
    /** Experts the caller may not see load as null, exactly like missing ones. */
    expert: new DataLoader<string, ExpertEntity | null>(async (ids) => {
      const query = db
        .getRepository(ExpertEntity)
        .createQueryBuilder('expert')
        .where('expert.id IN (:...ids)', { ids: [...ids] });
      const rows = await whereVisible(query, 'expert', caller).getMany();
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    material: byId(db, MaterialEntity),
    sector: byId(db, SectorEntity),
    skillsByExpert: grouped(async (keys) =>
      (
        await db
          .getRepository(ExpertSkillEntity)
          .find({ where: { expertId: In(keys) }, order: { level: 'DESC', technologyId: 'ASC' } })
      ).map((skill) => [skill.expertId, skill] as [string, ExpertSkillEntity]),
    ),
    instrumentsByOrganisation: grouped(async (keys) =>
      (
        await db
          .getRepository(InstrumentEntity)
          .find({ where: { organisationId: In(keys) }, order: { name: 'ASC' } })
      ).map((row) => [row.organisationId, row] as [string, InstrumentEntity]),
    ),
    childrenByTechnology: grouped(async (keys) =>
      (
        await db
          .getRepository(TechnologyEntity)
          .find({ where: { parentId: In(keys) }, order: { name: 'ASC' } })
      ).map((row) => [row.parentId ?? '', row] as [string, TechnologyEntity]),
    ),
    clustersByOrganisation: viaJoinTable(
      db,
      ClusterEntity,
      'organisation_clusters',
      'organisationId',
      'clusterId',
    ),
    materialsByExpert: viaJoinTable(
      db,
      MaterialEntity,
      'expert_materials',
      'expertId',
      'materialId',
    ),
    sectorsByExpert: viaJoinTable(db, SectorEntity, 'expert_sectors', 'expertId', 'sectorId'),
    /** Whether the caller (a signed-in person) follows each forum question. */
    followedQuestion: new DataLoader<string, boolean>(async (ids) => {
      if (!caller.personId) return ids.map(() => false);
      const rows = await db
        .getRepository(FollowEntity)
        .findBy({ personId: caller.personId, questionId: In([...ids]) });
      const followed = new Set(rows.map((row) => row.questionId));
      return ids.map((id) => followed.has(id));
    }),
    /** The techniques a forum question names (its question was access-checked when read). */
    techniquesByQuestion: viaJoinTable(
      db,
      TechnologyEntity,
      'forum_question_techniques',
      'questionId',
      'technologyId',
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What every resolver receives as its GraphQL context. */
export interface RequestContext {
  loaders: Loaders;
  /** Who is asking (see auth/caller.ts). */
  caller: Caller;
  /** Whom rate limits count for this request: its API key, else its IP (edge/rate-limiter.ts). */
  client: string;
  /**
   * The URL this request was sent to, up to the host (`https://kenner.example`): its protocol and
   * Host, or X-Forwarded-Proto/-Host when TRUST_PROXY_HOPS trusts the proxy that set them.
   */
  requestOrigin: string;
  /** The Origin header a browser sent (the calling page), if any. */
  pageOrigin?: string;
  /** The User-Agent header, which a session records (truncated) so its person can tell it apart. */
  userAgent?: string;
}
