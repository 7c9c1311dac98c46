import { type EntityManager, In } from 'typeorm';
import { ClusterEntity } from '../../clusters/cluster.entity.js';
import { Visibility } from '../../experts/expert.entity.js';
import { InstrumentEntity } from '../../instruments/instrument.entity.js';
import { OrganisationEntity } from '../../organisations/organisation.entity.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { group, namesOf, placeholders, unique } from './projection.js';

/**
 * What the organisations index holds for one organisation. Its techniques are those of its
 * instruments and of its public experts only: an organisation document must not reveal what a
 * members-only expert masters.
 */
export interface OrganisationDocument {
  id: string;
  name: string;
  nameSort: string;
  acronym: string | null;
  aliases: string[];
  type: string;
  description: string;
  city: string | null;
  region: string | null;
  country: string;
  _geo: { lat: number; lng: number } | null;
  clusters: string[];
  technologies: { slug: string; names: string[]; acronyms: string[] }[];
  technologySlugs: string[];
  techniqueCategories: string[];
  instruments: string[];
  expertCount: number;
}

/** Committed state → documents, a fixed number of queries per batch; absent ids are deleted. */
export async function loadOrganisationDocuments(
  em: EntityManager,
  ids: string[],
): Promise<Map<string, OrganisationDocument>> {
  const out = new Map<string, OrganisationDocument>();
  if (ids.length === 0) return out;
  const orgs = await em.findBy(OrganisationEntity, { id: In(ids) });
  if (orgs.length === 0) return out;
  const orgIds = orgs.map((o) => o.id);
  const inOrgs = placeholders(em, orgIds.length);
  const publicParam = em.dataSource.options.type === 'postgres' ? `$${orgIds.length + 1}` : '?';
  const [memberships, skills, counts, instruments, technologies] = await Promise.all([
    em
      .createQueryBuilder()
      .select(['m."organisationId" AS "organisationId"', 'c.slug AS slug'])
      .from('organisation_clusters', 'm')
      .innerJoin(ClusterEntity, 'c', 'c.id = m."clusterId"')
      .where('m."organisationId" IN (:...orgIds)', { orgIds })
      .getRawMany<{ organisationId: string; slug: string }>(),
    em.query<{ organisationId: string; technologyId: string }[]>(
      `SELECT DISTINCT e."organisationId" AS "organisationId", s."technologyId" AS "technologyId"
         FROM expert_skills s JOIN experts e ON e.id = s."expertId"
        WHERE e."organisationId" IN (${inOrgs}) AND e.visibility = ${publicParam}`,
      [...orgIds, Visibility.PUBLIC],
    ),
    em.query<{ organisationId: string; n: number | string }[]>(
      `SELECT "organisationId", COUNT(*) AS n FROM experts
        WHERE "organisationId" IN (${inOrgs}) AND visibility = ${publicParam}
        GROUP BY "organisationId"`,
      [...orgIds, Visibility.PUBLIC],
    ),
    em.findBy(InstrumentEntity, { organisationId: In(orgIds) }),
    em.find(TechnologyEntity),
  ]);
  const techById = new Map(technologies.map((t) => [t.id, t]));
  const clustersOf = group(
    memberships,
    (m) => m.organisationId,
    (m) => m.slug,
  );
  const techIdsOf = group(
    [...skills, ...instruments],
    (r) => r.organisationId,
    (r) => r.technologyId,
  );
  const instrumentsOf = group(
    instruments,
    (i) => i.organisationId,
    (i) => [i.name, i.model].filter(Boolean).join(' '),
  );
  const expertCount = new Map(counts.map((c) => [c.organisationId, Number(c.n)]));

  for (const org of orgs) {
    const techs = unique(techIdsOf.get(org.id) ?? [])
      .flatMap((id) => techById.get(id) ?? [])
      .sort((a, b) => a.slug.localeCompare(b.slug));
    out.set(org.id, {
      id: org.id,
      name: org.name,
      nameSort: org.name.toLocaleLowerCase('en'),
      acronym: org.acronym,
      aliases: org.aliases,
      type: org.type,
      description: org.description,
      city: org.city,
      region: org.region,
      country: org.country,
      _geo:
        org.latitude !== null && org.longitude !== null
          ? { lat: org.latitude, lng: org.longitude }
          : null,
      clusters: [...(clustersOf.get(org.id) ?? [])].sort(),
      technologies: techs.map((t) => ({ slug: t.slug, names: namesOf(t), acronyms: t.acronyms })),
      technologySlugs: techs.map((t) => t.slug),
      techniqueCategories: unique(
        techs.map((t) => techById.get(t.categoryId ?? t.id)?.slug ?? t.slug),
      ).sort(),
      instruments: [...(instrumentsOf.get(org.id) ?? [])].sort(),
      expertCount: expertCount.get(org.id) ?? 0,
    });
  }
  return out;
}
