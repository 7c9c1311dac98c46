import { ExpertSkillEntity } from '../experts/expert-skill.entity.js';
import { ExpertEntity, Visibility } from '../experts/expert.entity.js';
import { SearchOutbox } from '../search/outbox/search-outbox.service.js';
import type { MaterialEntity, SectorEntity } from '../vocabularies/vocabulary-entry.entity.js';
import { ExpertImportRow, toExpertRow } from './expert.rows.js';
import { type Checked, sameValue } from './import-report.js';
import {
  buildReferenceIndex,
  type ReferenceIndex,
  resolveOrganisation,
  resolveTechnology,
} from './reference-index.js';
import type { RecordChecks } from './row-validation.js';
import { differsIn, type Upsert, upsertRows, type WriteTarget } from './upsert.js';

/**
 * How expert records are checked, for `checkRecords`. `refs` includes what the same file creates,
 * so an expert may name an organisation imported in the same run.
 */
export const expertChecks = (refs: ReferenceIndex): RecordChecks<ExpertImportRow> => ({
  cls: ExpertImportRow,
  toRow: toExpertRow,
  keysOf: (row) => [row.email.toLowerCase()],
  problemOf: (row, seen) => referenceProblem(row, refs, seen),
});

function referenceProblem(
  row: ExpertImportRow,
  refs: ReferenceIndex,
  seen: ReadonlySet<string>,
): string | null {
  if (seen.has(row.email.toLowerCase())) return `email: ${row.email} appears twice in the file`;
  if (!resolveOrganisation(refs, row.organisation))
    return `organisation: no organisation "${row.organisation}"`;
  const skills = row.skills ?? [];
  const techIds = skills.map((s) => resolveTechnology(refs, s.technology));
  const unknown = techIds.findIndex((id) => !id);
  if (unknown >= 0)
    return `skills[${unknown}].technology: no technique "${skills[unknown]?.technology}" (or an ambiguous acronym)`;
  const duplicate = techIds.findIndex((id, i) => techIds.indexOf(id) !== i);
  if (duplicate >= 0) return `skills[${duplicate}].technology: names a technique already listed`;
  const material = row.materials?.find((m) => !refs.materials.has(m));
  if (material) return `materials: no material "${material}"`;
  const sector = row.sectors?.find((s) => !refs.sectors.has(s));
  if (sector) return `sectors: no sector "${sector}"`;
  return null;
}

/** Upserts by e-mail; skills, materials and sectors are replaced only when they differ. */
export async function writeExperts(
  rows: Checked<ExpertImportRow>[],
  target: WriteTarget,
): Promise<void> {
  const { em } = target;
  const refs = await buildReferenceIndex(em);
  await upsertRows(rows, target, async ({ row }): Promise<Upsert<ExpertEntity>> => {
    const { values, skills, materials, sectors } = expertValues(row, refs);
    const match = await em.findOne(ExpertEntity, {
      where: { email: values.email },
      relations: { materials: true, sectors: true },
    });
    const currentSkills = match ? await em.findBy(ExpertSkillEntity, { expertId: match.id }) : [];
    const skillsChanged = !sameValue(sortSkills(currentSkills), sortSkills(skills));
    const write = async (stored: ExpertEntity | null) => {
      // Before and after: a move leaves the old organisation and techniques stale too.
      if (stored) await new SearchOutbox().expertsChanged(em, [stored.id]);
      const entity = stored ?? em.create(ExpertEntity, values);
      em.merge(ExpertEntity, entity, values);
      entity.materials = materials as MaterialEntity[];
      entity.sectors = sectors as SectorEntity[];
      const saved = await em.save(entity);
      if (skillsChanged) {
        await em.delete(ExpertSkillEntity, { expertId: saved.id });
        if (skills.length)
          await em.insert(
            ExpertSkillEntity,
            skills.map((s) => ({ ...s, expertId: saved.id })),
          );
      }
      await new SearchOutbox().expertsChanged(em, [saved.id]);
    };
    return {
      match,
      differs: (stored) =>
        differsIn(Object.keys(values) as (keyof typeof values)[], stored, values) ||
        skillsChanged ||
        !sameValue(ids(stored.materials), ids(materials)) ||
        !sameValue(ids(stored.sectors), ids(sectors)),
      create: () => write(null),
      update: write,
    };
  });
}

/** What a row says of an expert, with its references resolved to ids. */
function expertValues(row: ExpertImportRow, refs: ReferenceIndex) {
  const values = {
    name: row.name.trim(),
    email: row.email.toLowerCase(),
    organisationId: resolveOrganisation(refs, row.organisation) as string,
    jobTitle: row.jobTitle ?? '',
    bio: row.bio ?? '',
    languages: [...new Set(row.languages ?? [])],
    services: [...new Set(row.services ?? [])],
    visibility: row.visibility ?? Visibility.PUBLIC,
    phone: row.phone ?? null,
    consentAt: row.consentAt ?? null,
    lastVerifiedAt: row.lastVerifiedAt ?? null,
  };
  const skills = (row.skills ?? []).map((s) => ({
    technologyId: resolveTechnology(refs, s.technology) as string,
    level: s.level,
    years: s.years ?? null,
  }));
  const materials = (row.materials ?? []).map((slug) => ({
    id: refs.materials.get(slug) as string,
  }));
  const sectors = (row.sectors ?? []).map((slug) => ({ id: refs.sectors.get(slug) as string }));
  return { values, skills, materials, sectors };
}

const ids = (rows: { id: string }[] | undefined) => (rows ?? []).map((r) => r.id).sort();
const sortSkills = (skills: { technologyId: string; level: string; years: number | null }[]) =>
  skills.map((s) => `${s.technologyId}:${s.level}:${s.years ?? ''}`).sort();
