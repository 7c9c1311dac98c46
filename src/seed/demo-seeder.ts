import { randomUUID } from 'node:crypto';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import { ClusterEntity } from '../clusters/cluster.entity.js';
import { ExpertSkillEntity, type SkillLevel } from '../experts/expert-skill.entity.js';
import { ExpertEntity, type ServiceKind, type Visibility } from '../experts/expert.entity.js';
import { type AccessMode, InstrumentEntity } from '../instruments/instrument.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { EXPERTS_INDEX } from '../search/indexes/experts.index.js';
import { ORGANISATIONS_INDEX } from '../search/indexes/organisations.index.js';
import { TECHNOLOGIES_INDEX } from '../search/indexes/technologies.index.js';
import { enqueue, SearchOutbox } from '../search/outbox/search-outbox.service.js';
import { rootOf } from '../technologies/taxonomy.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { MaterialEntity, SectorEntity } from '../vocabularies/vocabulary-entry.entity.js';
import type { DemoDataset } from './demo/demo-generator.js';

/** Rows per INSERT: far below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

async function insertChunked(
  em: EntityManager,
  target: string | (new () => ObjectLiteral),
  rows: ObjectLiteral[],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await em
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export interface SeedCounts {
  clusters: number;
  organisations: number;
  technologies: number;
  instruments: number;
  experts: number;
}

/**
 * Writes a generated demo dataset with bulk inserts. The caller owns the transaction, so a
 * failed seed leaves the database as it was. `onProgress` reports experts written.
 */
export async function writeDemoDataset(
  em: EntityManager,
  data: DemoDataset,
  onProgress?: (done: number, total: number) => void,
): Promise<SeedCounts> {
  const now = new Date();
  const stamp = { createdAt: now, updatedAt: now };
  const ids = <K extends string>(keys: K[]) => new Map(keys.map((key) => [key, randomUUID()]));

  const clusterIds = ids(data.clusters.map((c) => c.slug));
  await insertChunked(
    em,
    ClusterEntity,
    data.clusters.map((c) => ({
      id: clusterIds.get(c.slug),
      name: c.name,
      slug: c.slug,
      description: c.description,
      website: c.website,
      ...stamp,
    })),
  );

  const vocab = async (entity: typeof MaterialEntity, entries: DemoDataset['materials']) => {
    const map = ids(entries.map((e) => e.slug));
    await insertChunked(
      em,
      entity,
      entries.map((e) => ({
        id: map.get(e.slug),
        slug: e.slug,
        name: e.names.en,
        nameFr: e.names.fr,
        nameDe: e.names.de,
        nameNl: e.names.nl,
        ...stamp,
      })),
    );
    return map;
  };
  const materialIds = await vocab(MaterialEntity, data.materials);
  const sectorIds = await vocab(SectorEntity, data.sectors);

  const techIds = ids(data.techniques.map((t) => t.slug));
  const parentSlug = new Map(data.techniques.map((t) => [t.slug, t.parent]));
  await insertChunked(
    em,
    TechnologyEntity,
    data.techniques.map((t) => ({
      id: techIds.get(t.slug),
      slug: t.slug,
      name: t.names.en,
      nameFr: t.names.fr,
      nameDe: t.names.de,
      nameNl: t.names.nl,
      acronyms: t.acronyms,
      synonyms: t.synonyms,
      description: t.description,
      parentId: t.parent ? techIds.get(t.parent) : null,
      categoryId: techIds.get(rootOf(t.slug, (s) => parentSlug.get(s)) ?? t.slug),
      chameoId: null,
      chmoId: t.chmoId ?? null,
      wikidataId: null,
      ...stamp,
    })),
  );

  const orgIds = ids(data.organisations.map((o) => o.key));
  await insertChunked(
    em,
    OrganisationEntity,
    data.organisations.map((o) => ({
      id: orgIds.get(o.key),
      name: o.name,
      acronym: o.acronym,
      aliases: o.aliases,
      type: o.type,
      description: o.description,
      website: o.website,
      city: o.city,
      region: o.region,
      country: o.country,
      latitude: o.latitude,
      longitude: o.longitude,
      rorId: null,
      ...stamp,
    })),
  );
  await insertChunked(
    em,
    'organisation_clusters',
    data.organisations.flatMap((o) =>
      o.clusters.map((slug) => ({
        organisationId: orgIds.get(o.key),
        clusterId: clusterIds.get(slug),
      })),
    ),
  );

  await insertChunked(
    em,
    InstrumentEntity,
    data.instruments.map((i) => ({
      id: randomUUID(),
      name: i.name,
      model: i.name,
      technologyId: techIds.get(i.technique),
      organisationId: orgIds.get(i.organisation),
      accessMode: i.accessMode as AccessMode,
      description: i.description,
      ...stamp,
    })),
  );

  const batch = 1000;
  for (let start = 0; start < data.experts.length; start += batch) {
    const experts = data.experts
      .slice(start, start + batch)
      .map((e) => ({ ...e, id: randomUUID() }));
    await insertChunked(
      em,
      ExpertEntity,
      experts.map((e) => ({
        id: e.id,
        name: e.name,
        jobTitle: e.jobTitle,
        bio: e.bio,
        organisationId: orgIds.get(e.organisation),
        languages: e.languages,
        services: e.services as ServiceKind[],
        visibility: e.visibility as Visibility,
        email: e.email,
        phone: e.phone,
        consentAt: e.consentAt,
        lastVerifiedAt: e.lastVerifiedAt,
        ...stamp,
      })),
    );
    await insertChunked(
      em,
      ExpertSkillEntity,
      experts.flatMap((e) =>
        e.skills.map((s) => ({
          expertId: e.id,
          technologyId: techIds.get(s.technique),
          level: s.level as SkillLevel,
          years: s.years,
        })),
      ),
    );
    await insertChunked(
      em,
      'expert_materials',
      experts.flatMap((e) =>
        e.materials.map((slug) => ({ expertId: e.id, materialId: materialIds.get(slug) })),
      ),
    );
    await insertChunked(
      em,
      'expert_sectors',
      experts.flatMap((e) =>
        e.sectors.map((slug) => ({ expertId: e.id, sectorId: sectorIds.get(slug) })),
      ),
    );
    // Every seeded expert goes to the search index through the outbox, like any other write.
    await enqueue(
      em,
      EXPERTS_INDEX,
      experts.map((e) => e.id),
    );
    onProgress?.(Math.min(start + batch, data.experts.length), data.experts.length);
  }
  const all = (table: string) =>
    em.query<{ id: string }[]>(`SELECT id FROM ${table}`).then((rows) => rows.map((r) => r.id));
  await enqueue(em, ORGANISATIONS_INDEX, await all('organisations'));
  await enqueue(em, TECHNOLOGIES_INDEX, await all('technologies'));
  await new SearchOutbox().taxonomyChanged(em);
  return {
    clusters: data.clusters.length,
    organisations: data.organisations.length,
    technologies: data.techniques.length,
    instruments: data.instruments.length,
    experts: data.experts.length,
  };
}
