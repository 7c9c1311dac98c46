import { type EntityManager, In } from 'typeorm';
import { ClusterEntity } from '../../clusters/cluster.entity.js';
import { ExpertSkillEntity, SkillLevel } from '../../experts/expert-skill.entity.js';
import { ExpertEntity } from '../../experts/expert.entity.js';
import { OrganisationEntity } from '../../organisations/organisation.entity.js';
import { TechnologyEntity } from '../../technologies/technology.entity.js';
import { MaterialEntity, SectorEntity } from '../../vocabularies/vocabulary-entry.entity.js';
import { ancestorsOf, parentIn } from '../../technologies/taxonomy.js';
import { group, namesOf, unique } from './projection.js';

/**
 * What the experts index holds for one expert: everything search filters, facets or matches
 * on, denormalised. Contact details (e-mail, phone) are deliberately absent, and so is the
 * organisation's position: with `_geo` on every expert, the engine rewrote a geo tree of every
 * expert at each indexing task (0.84 s of a one-expert task at 100,000 experts). A search near a
 * place reads the organisations index instead (search/experts/nearby-organisations.ts).
 */
export interface ExpertDocument {
  id: string;
  name: string;
  nameSort: string;
  jobTitle: string;
  bio: string;
  visibility: string;
  languages: string[];
  services: string[];
  organisation: {
    id: string;
    name: string;
    acronym: string | null;
    aliases: string[];
    type: string;
    city: string | null;
    region: string | null;
    country: string;
  };
  clusters: string[];
  technologies: {
    slug: string;
    name: string;
    names: string[];
    acronyms: string[];
    synonyms: string[];
    level: string;
    years: number | null;
  }[];
  technologySlugs: string[];
  /**
   * Per technique slug, how strongly the expert holds it: level × 100 + years (capped at 99), and
   * for a broader technique the best of the skills beneath it. Sortable, so a search narrowed to
   * a technique ranks EXPERT before ADVANCED before BASIC, more years first (see
   * search/understanding/).
   */
  skillRank: Record<string, number>;
  /** Broader techniques of every skill, so "spectroscopy" finds an XPS expert. */
  technologyAncestors: string[];
  techniqueCategories: string[];
  materials: string[];
  materialNames: string[];
  sectors: string[];
  sectorNames: string[];
  lastVerifiedAt: number | null;
}

/**
 * Reads the committed state of a batch of experts and projects it into documents, with one query
 * per table whatever the batch size. Ids with no row are absent from the result: the caller
 * deletes those documents. The live sync, the full reindex and the reconciliation all use this one
 * function, so they agree on what the index should hold.
 */
export async function loadExpertDocuments(
  em: EntityManager,
  ids: string[],
): Promise<Map<string, ExpertDocument>> {
  const out = new Map<string, ExpertDocument>();
  if (ids.length === 0) return out;
  const experts = await em.findBy(ExpertEntity, { id: In(ids) });
  if (experts.length === 0) return out;
  const expertIds = experts.map((e) => e.id);
  const orgIds = [...new Set(experts.map((e) => e.organisationId))];
  const [orgs, memberships, skills, materialLinks, sectorLinks, technologies] = await Promise.all([
    em.findBy(OrganisationEntity, { id: In(orgIds) }),
    em
      .createQueryBuilder()
      .select(['m."organisationId" AS "organisationId"', 'c.slug AS slug'])
      .from('organisation_clusters', 'm')
      .innerJoin(ClusterEntity, 'c', 'c.id = m."clusterId"')
      .where('m."organisationId" IN (:...orgIds)', { orgIds })
      .getRawMany<{ organisationId: string; slug: string }>(),
    em.findBy(ExpertSkillEntity, { expertId: In(expertIds) }),
    vocabularyLinks(em, 'expert_materials', 'materialId', MaterialEntity, expertIds),
    vocabularyLinks(em, 'expert_sectors', 'sectorId', SectorEntity, expertIds),
    em.find(TechnologyEntity),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const clustersByOrg = group(
    memberships,
    (m) => m.organisationId,
    (m) => m.slug,
  );
  const skillsByExpert = group(
    skills,
    (s) => s.expertId,
    (s) => s,
  );
  const techById = new Map(technologies.map((t) => [t.id, t]));
  const parentOf = parentIn(techById);

  for (const expert of experts) {
    const org = orgById.get(expert.organisationId);
    if (!org) continue;
    const expertSkills = (skillsByExpert.get(expert.id) ?? [])
      .map((skill) => ({ skill, tech: techById.get(skill.technologyId) }))
      .filter((s): s is { skill: ExpertSkillEntity; tech: TechnologyEntity } => Boolean(s.tech))
      .sort((a, b) => a.tech.slug.localeCompare(b.tech.slug));
    const ancestors = expertSkills.flatMap(({ tech }) => ancestorsOf(tech, parentOf));
    const material = materialLinks.get(expert.id) ?? [];
    const sector = sectorLinks.get(expert.id) ?? [];
    out.set(expert.id, {
      id: expert.id,
      name: expert.name,
      nameSort: expert.name.toLocaleLowerCase('en'),
      jobTitle: expert.jobTitle,
      bio: expert.bio,
      visibility: expert.visibility,
      languages: [...expert.languages].sort(),
      services: [...expert.services].sort(),
      organisation: {
        id: org.id,
        name: org.name,
        acronym: org.acronym,
        aliases: org.aliases,
        type: org.type,
        city: org.city,
        region: org.region,
        country: org.country,
      },
      clusters: [...(clustersByOrg.get(org.id) ?? [])].sort(),
      technologies: expertSkills.map(({ skill, tech }) => ({
        slug: tech.slug,
        name: tech.name,
        names: namesOf(tech),
        acronyms: tech.acronyms,
        synonyms: tech.synonyms,
        level: skill.level,
        years: skill.years,
      })),
      technologySlugs: expertSkills.map(({ tech }) => tech.slug),
      skillRank: skillRanks(expertSkills, parentOf),
      technologyAncestors: unique(ancestors.flatMap(namesOf)).sort(),
      techniqueCategories: unique(
        expertSkills.map(({ tech }) => techById.get(tech.categoryId ?? tech.id)?.slug ?? tech.slug),
      ).sort(),
      materials: material.map((m) => m.slug).sort(),
      materialNames: material.flatMap(namesOf).sort(),
      sectors: sector.map((s) => s.slug).sort(),
      sectorNames: sector.flatMap(namesOf).sort(),
      lastVerifiedAt: expert.lastVerifiedAt
        ? Date.parse(`${expert.lastVerifiedAt}T00:00:00Z`) / 1000
        : null,
    });
  }
  return out;
}

const LEVEL_RANK: Record<SkillLevel, number> = {
  [SkillLevel.EXPERT]: 3,
  [SkillLevel.ADVANCED]: 2,
  [SkillLevel.BASIC]: 1,
};

/** The rank of one skill: the level first, then the years (unknown years count as none). */
export const skillRankOf = (level: SkillLevel, years: number | null): number =>
  LEVEL_RANK[level] * 100 + Math.min(Math.max(years ?? 0, 0), 99);

function skillRanks(
  skills: { skill: ExpertSkillEntity; tech: TechnologyEntity }[],
  parentOf: (t: TechnologyEntity) => TechnologyEntity | null | undefined,
): Record<string, number> {
  const ranks: Record<string, number> = {};
  for (const { skill, tech } of skills) {
    const rank = skillRankOf(skill.level, skill.years);
    for (const t of [tech, ...ancestorsOf(tech, parentOf)]) {
      ranks[t.slug] = Math.max(ranks[t.slug] ?? 0, rank);
    }
  }
  return ranks;
}

async function vocabularyLinks(
  em: EntityManager,
  table: string,
  column: string,
  target: typeof MaterialEntity | typeof SectorEntity,
  expertIds: string[],
): Promise<Map<string, MaterialEntity[]>> {
  const links = await em
    .createQueryBuilder()
    .select(['l."expertId" AS "expertId"', `l."${column}" AS "entryId"`])
    .from(table, 'l')
    .where('l."expertId" IN (:...expertIds)', { expertIds })
    .getRawMany<{ expertId: string; entryId: string }>();
  const entries = links.length
    ? await em.findBy(target, { id: In([...new Set(links.map((l) => l.entryId))]) })
    : [];
  const byId = new Map(entries.map((e) => [e.id, e]));
  return group(
    links.filter((l) => byId.has(l.entryId)),
    (l) => l.expertId,
    (l) => byId.get(l.entryId) as MaterialEntity,
  );
}
