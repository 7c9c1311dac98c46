import { type ReferenceData, uuidOf } from './reference-data.js';
import type { WriteKind } from './write-ledger.js';

const LEVELS = ['BASIC', 'ADVANCED', 'EXPERT'] as const;

/**
 * What write number `seq` sets on an expert. Every value is derived from `seq`, so the stored
 * row names the writes that produced it, and a row mixing writes (a torn write) shows. A create
 * or a full update sets everything: name, job title, organisation and skill; a `skills` update
 * sets the skill only, which touches no column of the expert's row (only its skills table).
 */
export function writeInput(
  kind: WriteKind,
  tag: string,
  label: string,
  seq: number,
  reference: ReferenceData,
) {
  return kind === 'skills'
    ? { skills: skillsOf(seq, reference) }
    : expertFields(tag, label, seq, reference);
}

/** Everything a create or a full update sets. */
export function expertFields(tag: string, label: string, seq: number, reference: ReferenceData) {
  return {
    name: `Drill ${tag} ${label} v${seq}`,
    jobTitle: `v${seq}`,
    organisationId: pick(reference.organisations, seq),
    skills: skillsOf(seq, reference),
  };
}

function skillsOf(seq: number, reference: ReferenceData) {
  return [
    { technologyId: pick(reference.technologies, seq), level: LEVELS[seq % 3], years: seq % 71 },
  ];
}

/** An expert's row as the checks read it from the database. */
export interface StoredExpert {
  id: string;
  email: string;
  name: string;
  jobTitle: string;
  /** Database ids. */
  organisationId: string;
  skills: { technologyId: string; level: string; years: number | null }[];
}

export type WrittenBy = { seq: number } | { seeded: true } | { torn: string };

/**
 * Which write the row's own columns (name, job title, organisation) hold: its `seq`, `seeded`
 * when no drill write reached them, or `torn` with what mixes two writes.
 */
export function fieldsWrittenBy(row: StoredExpert, reference: ReferenceData): WrittenBy {
  const fromName = /^Drill \S+ \S+ v(\d+)$/.exec(row.name)?.[1];
  if (fromName === undefined) {
    return /^v\d+$/.test(row.jobTitle)
      ? { torn: `jobTitle ${row.jobTitle}, name not the drill's` }
      : { seeded: true };
  }
  const seq = Number(fromName);
  const expected = expertFields('', '', seq, reference);
  const mismatches = [
    row.jobTitle !== expected.jobTitle && `jobTitle ${row.jobTitle}`,
    row.organisationId !== uuidOf(expected.organisationId) && 'organisation',
  ].filter(Boolean);
  return mismatches.length ? { torn: `name of v${seq} but ${mismatches.join(', ')}` } : { seq };
}

/**
 * Which of these writes the row's skills hold: exactly the one skill that write set. (A skill
 * names its write: technique, level and years together repeat only after thousands of writes.)
 */
export function skillsWrittenBy(
  row: StoredExpert,
  seqs: number[],
  reference: ReferenceData,
): number | undefined {
  const [skill, ...more] = row.skills;
  if (!skill || more.length) return undefined;
  return seqs.find((seq) => {
    const expected = skillsOf(seq, reference)[0];
    return (
      skill.technologyId === uuidOf(expected?.technologyId ?? '') &&
      skill.level === expected?.level &&
      skill.years === expected?.years
    );
  });
}

const pick = (list: string[], seq: number): string => list[seq % list.length] as string;
