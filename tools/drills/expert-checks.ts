import type { ReferenceData } from './reference-data.js';
import type { ExpertRef, WriteRecord } from './write-ledger.js';
import { fieldsWrittenBy, type StoredExpert, skillsWrittenBy } from './written-state.js';

/** What the checks of one expert add to the drill's figures. */
export interface ExpertFindings {
  lost: number;
  torn: number;
  inDoubt: { committed: number; notCommitted: number; overwritten: number };
  problems: string[];
}

/**
 * One expert: its row (or its absence) against the writes made to it. The row's own columns
 * and its skills are judged apart, since a `skills` write sets only the latter: each must hold
 * one write's whole value, and no write acknowledged after that one ended may be missing.
 */
export function checkExpert(
  expert: ExpertRef,
  writes: WriteRecord[],
  row: StoredExpert | undefined,
  reference: ReferenceData,
  findings: ExpertFindings,
): void {
  const problem = (text: string, kind?: 'lost' | 'torn') => {
    if (kind) findings[kind]++;
    findings.problems.push(`${expert.label}: ${text}`);
  };
  const create = writes.find((w) => w.kind === 'create');
  for (const w of writes.filter((x) => x.outcome === 'in-doubt')) {
    if (w.kind === 'create' || w.kind === 'delete') {
      const applied = w.kind === 'create' ? row !== undefined : row === undefined;
      findings.inDoubt[applied ? 'committed' : 'notCommitted']++;
    } else if (!row) {
      findings.inDoubt.overwritten++; // an update of an expert deleted since: superseded either way
    }
  }
  if (!row) {
    if (writes.some((w) => w.kind === 'delete' && w.outcome !== 'refused')) return;
    if (create && create.outcome !== 'acknowledged') return;
    const what = create ? `acknowledged create (write ${create.seq})` : 'seeded, never deleted';
    return problem(`${what}, but not in the database`, 'lost');
  }
  const ackedDelete = writes.find((w) => w.kind === 'delete' && w.outcome === 'acknowledged');
  if (ackedDelete) problem(`acknowledged delete (write ${ackedDelete.seq}) did not happen`, 'lost');
  if (create?.outcome === 'refused') {
    problem(`refused create (write ${create.seq}) is in the database`);
  }
  if (create?.outcome === 'acknowledged' && row.id !== expert.id) {
    problem(`acknowledged as ${expert.id ?? '?'}, stored as ${row.id}`, 'lost');
  }
  const full = writes.filter((w) => w.kind === 'create' || w.kind === 'update');
  const skillWrites = writes.filter((w) => w.kind !== 'delete');
  const fields = fieldsWrittenBy(row, reference);
  if ('torn' in fields) return problem(`torn row: ${fields.torn}`, 'torn');
  if ('seq' in fields && !full.some((w) => w.seq === fields.seq)) {
    return problem(`holds write ${fields.seq}, which was not made to it`, 'torn');
  }
  if (expert.created && 'seeded' in fields) {
    return problem('a created expert holds no write of the drill', 'torn');
  }
  const fieldsBy = 'seq' in fields ? full.find((w) => w.seq === fields.seq) : undefined;
  const skillSeq = skillsWrittenBy(
    row,
    skillWrites.map((w) => w.seq),
    reference,
  );
  const skillsBy = skillWrites.find((w) => w.seq === skillSeq);
  if (!skillsBy && expert.created) {
    return problem(`torn row: skills ${JSON.stringify(row.skills)} set by no single write`, 'torn');
  }
  // A create or full update sets both: two different ones cannot both have the last word.
  if (fieldsBy && skillsBy && skillsBy.kind !== 'skills' && skillsBy !== fieldsBy) {
    return problem(`torn row: fields of write ${fieldsBy.seq}, skills of ${skillsBy.seq}`, 'torn');
  }
  for (const [what, holder, group] of [
    ['name, job title, organisation', fieldsBy, full],
    ['skills', skillsBy, skillWrites],
  ] as const) {
    // (A refused create in the database is reported above.)
    if (holder?.outcome === 'refused' && holder.kind !== 'create') {
      problem(`${what} hold refused write ${holder.seq}`);
    }
    // Sent after the holder had ended, so committed after it: the row should hold it (or newer).
    const newer = group.filter(
      (w) => w.outcome === 'acknowledged' && w !== holder && (!holder || w.sentAt > holder.endedAt),
    );
    if (newer.length) {
      const held = holder ? `write ${holder.seq}` : 'no write of the drill (seeded, or a mix)';
      problem(`${what} hold ${held}; later acknowledged writes ${seqs(newer)} lost`, 'lost');
    }
  }
  countInDoubt(full, fieldsBy, findings);
  countInDoubt(
    skillWrites.filter((w) => w.kind === 'skills'),
    skillsBy,
    findings,
  );
}

/** Updates in doubt: found in the row, surely not committed, or replaced since either way. */
function countInDoubt(
  group: WriteRecord[],
  holder: WriteRecord | undefined,
  findings: ExpertFindings,
): void {
  for (const w of group.filter((x) => x.outcome === 'in-doubt' && x.kind !== 'create')) {
    if (w === holder) findings.inDoubt.committed++;
    // Sent after the row's write had ended (or none reached it): had it committed, it would show.
    else if (!holder || w.sentAt > holder.endedAt) findings.inDoubt.notCommitted++;
    else findings.inDoubt.overwritten++;
  }
}

/** At most five, then how many more. */
const seqs = (writes: WriteRecord[]) =>
  writes
    .slice(0, 5)
    .map((w) => w.seq)
    .join(', ') + (writes.length > 5 ? ` and ${writes.length - 5} more` : '');
