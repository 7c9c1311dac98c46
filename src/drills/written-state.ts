import { type ReferenceData, uuidOf } from './reference-data.js';

const LEVELS = ['BASIC', 'ADVANCED', 'EXPERT'] as const;

/**
 * What write number `seq` sets on an expert. Every field is derived from `seq`, so the stored
 * row names the write that produced it, and a row mixing two writes (a torn write) shows.
 */
export function expertFields(tag: string, label: string, seq: number, reference: ReferenceData) {
  return {
    name: `Drill ${tag} ${label} v${seq}`,
    jobTitle: `v${seq}`,
    organisationId: pick(reference.organisations, seq),
    skills: [
      { technologyId: pick(reference.technologies, seq), level: LEVELS[seq % 3], years: seq % 71 },
    ],
  };
}

/** An expert's row as the checks read it from the database. */
export interface StoredExpert {
  id: string;
  email: string;
  name: string;
  jobTitle: string;
  /** Database ids. */
  organisationId: string;
  skills: { technologyId: string; years: number | null }[];
}

export type WrittenBy = { seq: number } | { seeded: true } | { torn: string };

/**
 * The write whose state this row holds: its `seq`, `seeded` when no drill write reached it, or
 * `torn` with what mixes two writes.
 */
export function writtenBy(row: StoredExpert, reference: ReferenceData): WrittenBy {
  const fromName = /^Drill \S+ \S+ v(\d+)$/.exec(row.name)?.[1];
  if (fromName === undefined) {
    return /^v\d+$/.test(row.jobTitle)
      ? { torn: `jobTitle ${row.jobTitle}, name not the drill's` }
      : { seeded: true };
  }
  const seq = Number(fromName);
  const expected = expertFields('', '', seq, reference);
  const skill = row.skills[0];
  const mismatches = [
    row.jobTitle !== expected.jobTitle && `jobTitle ${row.jobTitle}`,
    row.organisationId !== uuidOf(expected.organisationId) && 'organisation',
    (row.skills.length !== 1 ||
      skill?.technologyId !== uuidOf(expected.skills[0]?.technologyId ?? '') ||
      skill?.years !== expected.skills[0]?.years) &&
      `skills ${JSON.stringify(row.skills)}`,
  ].filter(Boolean);
  return mismatches.length ? { torn: `name of v${seq} but ${mismatches.join(', ')}` } : { seq };
}

const pick = (list: string[], seq: number): string => list[seq % list.length] as string;
