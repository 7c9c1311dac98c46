import type { Drift } from '../../src/search/maintenance/index-comparison.js';
import { driftCount } from '../../src/search/maintenance/index-comparison.js';
import type { ReferenceData } from './reference-data.js';
import { checkExpert, type ExpertFindings } from './expert-checks.js';
import type { WriteKind, WriteLedger } from './write-ledger.js';
import type { StoredExpert } from './written-state.js';

export interface CheckInput {
  tag: string;
  ledger: WriteLedger;
  reference: ReferenceData;
  /** Every expert row in the database. */
  stored: StoredExpert[];
  /** Every document of the experts index. */
  indexed: { id: string; name: string }[];
  /** Per index, computed before any repair. */
  drift: Record<string, Drift>;
}

export interface Verdict {
  writes: number;
  acknowledged: number;
  /** Acknowledged writes of each kind. */
  byKind: Record<WriteKind, number>;
  refused: number;
  /** `overwritten`: a later write replaced the expert's state, so whether it committed is moot. */
  inDoubt: { total: number; committed: number; notCommitted: number; overwritten: number };
  lost: number;
  torn: number;
  duplicates: number;
  drift: Record<string, number>;
  /** One line per thing wrong; empty when the drill passed. */
  problems: string[];
}

/**
 * Compares what the client was told with what the database and the index hold:
 * - every acknowledged create is there exactly once, every acknowledged delete took effect;
 * - an expert's row holds whole writes' values, never a mix, and misses no write acknowledged
 *   after the one it holds had ended (that one committed later, so it must show);
 * - a refused write is nowhere; a write in doubt is either whole or absent;
 * - the index holds what the database holds (drift 0 on every index) and one document per expert.
 */
export function checkDrill(input: CheckInput): Verdict {
  const problems: string[] = [];
  const verdict: Verdict = {
    writes: input.ledger.writes.length,
    acknowledged: input.ledger.count('acknowledged'),
    byKind: {
      create: input.ledger.count('acknowledged', 'create'),
      update: input.ledger.count('acknowledged', 'update'),
      skills: input.ledger.count('acknowledged', 'skills'),
      delete: input.ledger.count('acknowledged', 'delete'),
    },
    refused: input.ledger.count('refused'),
    inDoubt: {
      total: input.ledger.count('in-doubt'),
      committed: 0,
      notCommitted: 0,
      overwritten: 0,
    },
    lost: 0,
    torn: 0,
    duplicates: 0,
    drift: {},
    problems,
  };
  for (const write of input.ledger.writes.filter((w) => w.outcome === 'refused')) {
    problems.push(`write ${write.seq} (${write.kind}) refused: ${write.error ?? ''}`);
  }
  // The expert checks add to the verdict's own counters and problems.
  const findings: ExpertFindings = verdict;
  const byId = new Map(input.stored.map((row) => [row.id, row]));
  const byEmail = group(input.stored, (row) => row.email);
  const writesTo = group(input.ledger.writes, (w) => w.key);
  for (const expert of input.ledger.experts.values()) {
    const rows = expert.created
      ? (byEmail.get(expert.email ?? '') ?? [])
      : [byId.get(expert.id ?? '')].filter((r) => r !== undefined);
    if (rows.length > 1) {
      verdict.duplicates += rows.length - 1;
      problems.push(`${expert.label}: ${rows.length} rows in the database`);
    }
    checkExpert(expert, writesTo.get(expert.key) ?? [], rows[0], input.reference, findings);
  }
  const known = new Set([...input.ledger.experts.values()].map((e) => e.email));
  for (const row of input.stored) {
    if (row.email.startsWith(`drill-${input.tag}-`) && !known.has(row.email)) {
      verdict.duplicates++;
      problems.push(`${row.email}: in the database, but the drill never created it`);
    }
  }
  for (const [where, names] of [
    ['database', input.stored.map((r) => r.name)],
    ['index', input.indexed.map((d) => d.name)],
  ] as const) {
    for (const [label, count] of labelCounts(input.tag, names)) {
      if (count < 2) continue;
      verdict.duplicates += count - 1;
      problems.push(`${label}: ${count} experts in the ${where}`);
    }
  }
  for (const [index, drift] of Object.entries(input.drift)) {
    verdict.drift[index] = driftCount(drift);
    if (driftCount(drift)) {
      problems.push(
        `${index}: drift ${driftCount(drift)} (missing ${drift.missing.length}, extra ${drift.extra.length}, different ${drift.different.length})`,
      );
    }
  }
  return verdict;
}

/** How many experts carry each drill label in these names (a label is one expert). */
function labelCounts(tag: string, names: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of names) {
    const match = /^Drill (\S+) (\S+) v\d+$/.exec(name);
    if (match?.[1] !== tag || !match[2]) continue;
    counts.set(match[2], (counts.get(match[2]) ?? 0) + 1);
  }
  return counts;
}

function group<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const members = groups.get(key(item));
    if (members) members.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
