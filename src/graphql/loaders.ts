import DataLoader from 'dataloader';
import { whereVisible } from '../experts/expert-visibility.js';
import type { Caller } from '../auth/caller.js';
import { type DataSource, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { ExpertSkillEntity } from '../experts/expert-skill.entity.js';
import { ExpertEntity } from '../experts/expert.entity.js';
import { FollowEntity } from '../forum/follow.entity.js';
import { InstrumentEntity } from '../instruments/instrument.entity.js';
import { QuestionEntity } from '../forum/question.entity.js';
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

/**
 * The related rows of a whole batch of owners through a many-to-many relation, in one statement
 * (the join table joined to the related table), grouped back per owner.
 */
function viaRelation<O extends WithId, E extends WithId>(
  db: DataSource,
  owner: EntityTarget<O>,
  relation: string,
) {
  return grouped<E>(async (keys) => {
    const owners = await db
      .getRepository(owner)
      .createQueryBuilder('owner')
      .select('owner.id')
      .innerJoinAndSelect(`owner.${relation}`, 'related')
      .where('owner.id IN (:...keys)', { keys })
      .getMany();
    return owners.flatMap((o) => (o[relation] as E[]).map((row) => [o.id, row] as [string, E]));
  });
}

/**
 * Per-request batching: however many experts a page holds, their organisations (with clusters),
 * skills (with techniques) and vocabularies cost one statement each. A new set is made for every
 * request so nothing is cached across callers.
 */
export function createLoaders(db: DataSource, caller: Caller) {
  const technology = byId(db, TechnologyEntity);
  const clustersByOrganisation = viaRelation<OrganisationEntity, ClusterEntity>(
    db,
    OrganisationEntity,
    'clusters',
  );
  const organisation = new DataLoader<string, OrganisationEntity | null>(async (ids) => {
    const rows = await db
      .getRepository(OrganisationEntity)
      .createQueryBuilder('organisation')
      .leftJoinAndSelect('organisation.clusters', 'cluster')
      .where('organisation.id IN (:...ids)', { ids: [...ids] })
      .getMany();
    for (const row of rows) primeOrganisation(row);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
  /** An organisation read with its clusters answers both loaders. */
  const primeOrganisation = (row: OrganisationEntity) => {
    organisation.prime(row.id, row);
    clustersByOrganisation.prime(row.id, row.clusters ?? []);
  };
  return {
    cluster: byId(db, ClusterEntity),
    /** With its clusters, in the same statement: a page shows them beside the name. */
    organisation,
    technology,
    /** Techniques by slug, the key search documents name them by. */
    technologyBySlug: new DataLoader<string, TechnologyEntity | null>(async (slugs) => {
      const rows = await db.getRepository(TechnologyEntity).findBy({ slug: In([...slugs]) });
      const found = new Map(rows.map((row) => [row.slug, row]));
      return slugs.map((slug) => found.get(slug) ?? null);
    }),
    instrument: byId(db, InstrumentEntity),
    /**
     * Experts the caller may not see load as null, exactly like missing ones. Read with their
     * organisations and its clusters (a many-to-one and a few rows: no LIMIT to upset).
     */
    expert: new DataLoader<string, ExpertEntity | null>(async (ids) => {
      const query = db
        .getRepository(ExpertEntity)
        .createQueryBuilder('expert')
        .leftJoinAndSelect('expert.organisation', 'organisation')
        .leftJoinAndSelect('organisation.clusters', 'cluster')
        .where('expert.id IN (:...ids)', { ids: [...ids] });
      const rows = await whereVisible(query, 'expert', caller).getMany();
      for (const row of rows) if (row.organisation) primeOrganisation(row.organisation);
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    material: byId(db, MaterialEntity),
    sector: byId(db, SectorEntity),
    /**
     * Skills with their techniques and the techniques' parents, in one statement: a skill is
     * shown by its technique's name, often under its parent's.
     */
    skillsByExpert: grouped(async (keys) => {
      const skills = await db
        .getRepository(ExpertSkillEntity)
        .createQueryBuilder('skill')
        .innerJoinAndSelect('skill.technology', 'technology')
        .leftJoinAndSelect('technology.parent', 'parent')
        .where('skill.expertId IN (:...keys)', { keys })
        .orderBy('skill.level', 'DESC')
        .addOrderBy('skill.technologyId', 'ASC')
        .getMany();
      for (const skill of skills) {
        const tech = skill.technology;
        if (tech) technology.prime(tech.id, tech);
        if (tech?.parent) technology.prime(tech.parent.id, tech.parent);
      }
      return skills.map((skill) => [skill.expertId, skill] as [string, ExpertSkillEntity]);
    }),
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
    clustersByOrganisation,
    /**
     * An expert's materials and sectors in one statement (a few of each: their cross product per
     * expert is small), since a profile shows both.
     */
    vocabularyByExpert: new DataLoader<string, ExpertVocabulary>(async (ids) => {
      const rows = await db
        .getRepository(ExpertEntity)
        .createQueryBuilder('expert')
        .select('expert.id')
        .leftJoinAndSelect('expert.materials', 'material')
        .leftJoinAndSelect('expert.sectors', 'sector')
        .where('expert.id IN (:...ids)', { ids: [...ids] })
        .getMany();
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => ({
        materials: found.get(id)?.materials ?? [],
        sectors: found.get(id)?.sectors ?? [],
      }));
    }),
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
    techniquesByQuestion: viaRelation<QuestionEntity, TechnologyEntity>(
      db,
      QuestionEntity,
      'techniques',
    ),
  };
}

/** What `vocabularyByExpert` answers for one expert. */
export interface ExpertVocabulary {
  materials: MaterialEntity[];
  sectors: SectorEntity[];
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
