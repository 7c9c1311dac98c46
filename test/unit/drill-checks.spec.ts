import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { toGlobalId } from '../../src/common/graphql/global-id.js';
import { checkDrill, type CheckInput } from '../../tools/drills/drill-checks.js';
import type { ReferenceData } from '../../tools/drills/reference-data.js';
import {
  type ExpertRef,
  type Outcome,
  type WriteKind,
  WriteLedger,
} from '../../tools/drills/write-ledger.js';
import { expertFields, type StoredExpert } from '../../tools/drills/written-state.js';

const TAG = 'unit-sqlite';
const reference: ReferenceData = {
  experts: [],
  organisations: [0, 1].map(() => toGlobalId('Organisation', randomUUID())),
  technologies: [0, 1, 2].map(() => toGlobalId('Technology', randomUUID())),
};
const uuid = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;
const noDrift = { missing: [], extra: [], different: [] };

/** The row write `seq` leaves on an expert (and write `skillsSeq` on its skills). */
function row(expert: ExpertRef, seq: number, skillsSeq = seq): StoredExpert {
  const fields = expertFields(TAG, expert.label, seq, reference);
  return {
    id: expert.id!,
    email: expert.email ?? `${expert.label}@seed.example`,
    name: fields.name,
    jobTitle: fields.jobTitle,
    organisationId: uuid(fields.organisationId),
    skills: skillsOf(skillsSeq),
  };
}

function skillsOf(seq: number): StoredExpert['skills'] {
  const [skill] = expertFields(TAG, '', seq, reference).skills;
  return [{ technologyId: uuid(skill!.technologyId), level: skill!.level!, years: skill!.years }];
}

/**
 * A small history: c1 created; the seeded s0 updated by writes 2 then 3, one after the other;
 * c4 created then deleted; c5's create in doubt (the process died) and not committed.
 */
function scenario() {
  const ledger = new WriteLedger();
  const expert = (label: string, created: boolean): ExpertRef => {
    const id = randomUUID();
    const email = created ? `drill-${TAG}-${label}@drill.example` : undefined;
    const ref = { key: email ?? id, id, email, label, created };
    ledger.experts.set(ref.key, ref);
    return ref;
  };
  let clock = 0;
  const write = (seq: number, kind: WriteKind, e: ExpertRef, outcome: Outcome = 'acknowledged') =>
    ledger.record({ seq, kind, key: e.key, via: 0, sentAt: ++clock, endedAt: ++clock, outcome });
  const c1 = expert('c1', true);
  const s0 = expert('s0', false);
  const c4 = expert('c4', true);
  const c5 = expert('c5', true);
  write(1, 'create', c1);
  write(2, 'update', s0);
  write(3, 'update', s0);
  write(4, 'create', c4);
  write(5, 'create', c5, 'in-doubt');
  write(6, 'delete', c4);
  const input: CheckInput = {
    tag: TAG,
    ledger,
    reference,
    stored: [row(c1, 1), row(s0, 3)],
    indexed: [],
    drift: { experts: noDrift, organisations: noDrift },
  };
  input.indexed = input.stored.map((r) => ({ id: r.id, name: r.name }));
  return { input, ledger, c1, s0, c4, c5, write };
}

describe('the fault drill checks', () => {
  it('pass when the database and the index hold exactly the acknowledged writes', () => {
    const { input } = scenario();
    const verdict = checkDrill(input);
    expect(verdict.problems).toEqual([]);
    expect(verdict).toMatchObject({
      writes: 6,
      acknowledged: 5,
      lost: 0,
      torn: 0,
      duplicates: 0,
      inDoubt: { total: 1, committed: 0, notCommitted: 1 },
      drift: { experts: 0, organisations: 0 },
    });
  });

  it('count an acknowledged create missing from the database as lost', () => {
    const { input } = scenario();
    input.stored = input.stored.filter((r) => !r.name.includes(' c1 '));
    const verdict = checkDrill(input);
    expect(verdict.lost).toBe(1);
    expect(verdict.problems).toEqual([
      'c1: acknowledged create (write 1), but not in the database',
    ]);
  });

  it('count a row still holding an older write than one acknowledged later as lost', () => {
    const { input, s0 } = scenario();
    input.stored = [input.stored[0]!, row(s0, 2)];
    const verdict = checkDrill(input);
    expect(verdict.lost).toBe(2);
    expect(verdict.problems).toEqual([
      's0: name, job title, organisation hold write 2; later acknowledged writes 3 lost',
      's0: skills hold write 2; later acknowledged writes 3 lost',
    ]);
  });

  it('count an acknowledged delete that did not happen as lost', () => {
    const { input, c4 } = scenario();
    input.stored.push(row(c4, 4));
    expect(checkDrill(input).problems).toEqual([
      'c4: acknowledged delete (write 6) did not happen',
    ]);
  });

  it('accept either state of updates that overlapped in time, but no mix of them', () => {
    const { input, ledger, s0 } = scenario();
    // Two updates of s0 through two processes at once: neither was sent after the other ended.
    ledger.record({
      seq: 7,
      kind: 'update',
      key: s0.key,
      via: 1,
      sentAt: 100,
      endedAt: 110,
      outcome: 'acknowledged',
    });
    ledger.record({
      seq: 8,
      kind: 'update',
      key: s0.key,
      via: 2,
      sentAt: 101,
      endedAt: 105,
      outcome: 'acknowledged',
    });
    for (const seq of [7, 8]) {
      input.stored = [input.stored[0]!, row(s0, seq)];
      expect(checkDrill(input).problems).toEqual([]);
    }
    input.stored = [input.stored[0]!, { ...row(s0, 7), jobTitle: 'v8' }];
    const verdict = checkDrill(input);
    expect(verdict.torn).toBe(1);
    expect(verdict.problems).toEqual(['s0: torn row: name of v7 but jobTitle v8']);
    input.stored = [input.stored[0]!, row(s0, 7, 8)];
    expect(checkDrill(input).problems).toEqual(['s0: torn row: fields of write 7, skills of 8']);
  });

  it('judge skills-only updates on the skills alone, and catch the skills of two writes kept at once', () => {
    const { input, ledger, c1 } = scenario();
    // Two skills-only updates of c1 at once (9, 10), then one more after both ended (11).
    const at = (seq: number, sentAt: number, endedAt: number) =>
      ledger.record({
        seq,
        kind: 'skills',
        key: c1.key,
        via: 0,
        sentAt,
        endedAt,
        outcome: 'acknowledged',
      });
    at(9, 100, 110);
    at(10, 101, 108);
    for (const skills of [9, 10]) {
      input.stored[0] = row(c1, 1, skills);
      expect(checkDrill(input).problems).toEqual([]);
    }
    // What PostgreSQL left before updates locked the row: both replacements' skills.
    input.stored[0] = { ...row(c1, 1), skills: [...skillsOf(9), ...skillsOf(10)] };
    expect(checkDrill(input)).toMatchObject({
      torn: 1,
      problems: [expect.stringMatching(/^c1: torn row: skills .* set by no single write$/)],
    });
    at(11, 200, 210);
    input.stored[0] = row(c1, 1, 10);
    expect(checkDrill(input)).toMatchObject({
      lost: 1,
      problems: ['c1: skills hold write 10; later acknowledged writes 11 lost'],
    });
    input.stored[0] = row(c1, 1, 11);
    expect(checkDrill(input).problems).toEqual([]);
  });

  it('accept a write in doubt whole or absent, and say which', () => {
    const { input, c5 } = scenario();
    input.stored.push(row(c5, 5));
    input.indexed.push({ id: c5.id!, name: row(c5, 5).name });
    const verdict = checkDrill(input);
    expect(verdict.problems).toEqual([]);
    expect(verdict.inDoubt).toMatchObject({ total: 1, committed: 1, notCommitted: 0 });
  });

  it('report a refused write, and a refused create that is in the database anyway', () => {
    const { input, ledger, write } = scenario();
    const c9: ExpertRef = {
      key: 'drill-x-c9',
      email: 'drill-x-c9',
      id: randomUUID(),
      label: 'c9',
      created: true,
    };
    ledger.experts.set(c9.key, c9);
    write(9, 'create', c9, 'refused');
    input.stored.push(row(c9, 9));
    const verdict = checkDrill(input);
    expect(verdict.problems).toEqual([
      'write 9 (create) refused: ',
      'c9: refused create (write 9) is in the database',
    ]);
  });

  it('count an expert twice in the index, or a row the drill never created, as duplicates', () => {
    const { input, c1 } = scenario();
    input.indexed.push({ id: randomUUID(), name: row(c1, 1).name });
    input.stored.push({ ...row(c1, 1), id: randomUUID(), email: `drill-${TAG}-c99@drill.example` });
    const verdict = checkDrill(input);
    expect(verdict.duplicates).toBe(3);
    expect(verdict.problems).toEqual([
      `drill-${TAG}-c99@drill.example: in the database, but the drill never created it`,
      'c1: 2 experts in the database',
      'c1: 2 experts in the index',
    ]);
  });

  it('report drift of any index', () => {
    const { input } = scenario();
    input.drift.organisations = { missing: ['a'], extra: [], different: ['b', 'c'] };
    const verdict = checkDrill(input);
    expect(verdict.drift).toEqual({ experts: 0, organisations: 3 });
    expect(verdict.problems).toEqual(['organisations: drift 3 (missing 1, extra 0, different 2)']);
  });
});
