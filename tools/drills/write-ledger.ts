/**
 * The client's own record of every write it made, kept independently of the product: what it
 * asked for, when it sent it and how it ended. The checks compare the database and the index
 * with this, so a write the product lost cannot hide behind the product's own bookkeeping.
 */

/** `update` rewrites every field the drill uses; `skills` only the skills (no column of the row). */
export type WriteKind = 'create' | 'update' | 'skills' | 'delete';

/**
 * - `acknowledged`: the API answered with the result: the write is committed.
 * - `refused`: the API answered with an error: nothing may be committed.
 * - `in-doubt`: no answer (the process was killed, the connection dropped): it may or may not
 *   be committed, but never half.
 */
export type Outcome = 'acknowledged' | 'refused' | 'in-doubt';

export interface WriteRecord {
  /** Unique per drill; every field a write sets carries it (`v<seq>`), so a row tells its writer. */
  seq: number;
  kind: WriteKind;
  /** The expert's stable key: its e-mail (drill-created) or its uuid (seeded). */
  key: string;
  /** Which API process it was sent to (index into the drill's processes). */
  via: number;
  sentAt: number;
  /** When the answer, or the failure, came back. */
  endedAt: number;
  outcome: Outcome;
  error?: string;
}

/** One expert as the drill knows it. */
export interface ExpertRef {
  key: string;
  /** Database id; unknown for a create that is in doubt. */
  id?: string;
  globalId?: string;
  email?: string;
  /** Short and stable, part of every name the drill gives it: `c<seq>` (created), `s<n>` (seeded). */
  label: string;
  /** Created by this drill (not seeded). */
  created: boolean;
}

export class WriteLedger {
  readonly writes: WriteRecord[] = [];
  /** Every expert the drill knows, seeded or created by it, by key. */
  readonly experts = new Map<string, ExpertRef>();

  record(write: WriteRecord): void {
    this.writes.push(write);
  }

  count(outcome?: Outcome, kind?: WriteKind): number {
    return this.writes.filter(
      (w) => (!outcome || w.outcome === outcome) && (!kind || w.kind === kind),
    ).length;
  }
}
