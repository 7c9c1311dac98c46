import type { EntityManager } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { TechnologyEntity } from '../technologies/technology.entity.js';
import { MaterialEntity, SectorEntity } from '../vocabularies/vocabulary-entry.entity.js';

/** Names by which a file may refer to organisations and techniques, and what they resolve to. */
export interface ReferenceIndex {
  organisations: Map<string, string>;
  technologies: Map<string, string>;
  materials: Map<string, string>;
  sectors: Map<string, string>;
}

/**
 * Organisations by ROR id or lower-cased name; techniques by slug or by an acronym only one
 * technique uses (AES names two techniques, so it cannot pick one).
 */
export async function buildReferenceIndex(em: EntityManager): Promise<ReferenceIndex> {
  // One after the other: inside a transaction they share one connection.
  const orgs = await em.find(OrganisationEntity, { select: { id: true, name: true, rorId: true } });
  const techs = await em.find(TechnologyEntity, {
    select: { id: true, slug: true, acronyms: true },
  });
  const materials = await em.find(MaterialEntity, { select: { id: true, slug: true } });
  const sectors = await em.find(SectorEntity, { select: { id: true, slug: true } });
  const organisations = new Map<string, string>();
  for (const o of orgs) {
    organisations.set(organisationKey(o.name), o.id);
    if (o.rorId) organisations.set(o.rorId, o.id);
  }
  const acronymUse = new Map<string, string[]>();
  for (const t of techs)
    for (const a of t.acronyms)
      acronymUse.set(a.toLowerCase(), [...(acronymUse.get(a.toLowerCase()) ?? []), t.id]);
  const technologies = new Map<string, string>();
  for (const [acronym, ids] of acronymUse)
    if (ids.length === 1) technologies.set(acronym, ids[0] as string);
  for (const t of techs) technologies.set(t.slug, t.id);
  return {
    organisations,
    technologies,
    materials: new Map(materials.map((m) => [m.slug, m.id])),
    sectors: new Map(sectors.map((s) => [s.slug, s.id])),
  };
}

/** How a file names an organisation: case and surrounding spaces do not count. */
export const organisationKey = (name: string): string => name.trim().toLowerCase();

export const resolveOrganisation = (refs: ReferenceIndex, name: string) =>
  refs.organisations.get(name.startsWith('https://ror.org/') ? name : organisationKey(name));
export const resolveTechnology = (refs: ReferenceIndex, name: string) =>
  refs.technologies.get(name) ?? refs.technologies.get(name.toLowerCase());
