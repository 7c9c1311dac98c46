import { mutate } from './drill-client.js';
import { type ReferenceData, uuidOf } from './reference-data.js';
import { type ExpertRef, type Outcome, type WriteKind, WriteLedger } from './write-ledger.js';
import { writeInput } from './written-state.js';

const CREATE = `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateExpertInput!) { updateExpert(id: $id, input: $input) { id } }`;
const DELETE = `mutation($id: ID!) { deleteExpert(id: $id) { id } }`;

export interface WriteLoadOptions {
  /** Total writes to make. */
  writes: number;
  /** Writes in flight at once. */
  concurrency: number;
  /** Marks this drill's names and e-mails. */
  tag: string;
  adminKey: string;
  /** The GraphQL URL of each API process, read at every write (a restarted process moves). */
  targets: () => string[];
  reference: ReferenceData;
  /**
   * Experts written concurrently through every process at once: every `every`-th write is a
   * burst of one update per process to one of them. Without it, an expert has one write in
   * flight at a time, so its last acknowledged write must be its final state.
   */
  contended?: { experts: number; every: number };
  seed?: number;
}

/**
 * A mix of creates, updates and deletes of experts through GraphQL, recorded in a ledger as they
 * end. Creates ~40 %, full updates ~35 %, skills-only updates ~10 %, deletes ~15 %. A full update
 * rewrites name, job title, skill and organisation together (so a torn write shows, and both
 * organisations' documents fan out); a skills-only one changes no column of the expert's row.
 * Drills pause it (`pause`/`resume`) around a kill and wait for it to reach a point (`reached`).
 */
export class WriteLoad {
  readonly ledger = new WriteLedger();
  private next = 0;
  private answered = 0;
  private sent = 0;
  private readonly live: ExpertRef[] = [];
  private readonly busy = new Set<string>();
  private readonly contended: ExpertRef[] = [];
  private readonly random: () => number;
  private gate: Promise<void> = Promise.resolve();
  private openGate?: () => void;
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  constructor(private readonly options: WriteLoadOptions) {
    this.random = mulberry32(options.seed ?? 1);
    const seeded = [...options.reference.experts];
    const contendedCount = options.contended?.experts ?? 0;
    this.contended.push(...seeded.splice(0, contendedCount));
    this.live.push(...seeded);
    for (const expert of [...this.contended, ...seeded])
      this.ledger.experts.set(expert.key, expert);
  }

  get answeredCount(): number {
    return this.answered;
  }

  /** Writes sent and not yet ended. */
  get inFlight(): number {
    return this.sent - this.answered;
  }

  /** Runs every write; resolves once all of them have ended (one way or another). */
  async run(): Promise<void> {
    await Promise.all(Array.from({ length: this.options.concurrency }, () => this.worker()));
  }

  /** Resolves once `count` writes have ended. */
  reached(count: number): Promise<void> {
    if (this.answered >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** No new write starts until `resume` (those in flight go on). */
  pause(): void {
    if (this.openGate) return;
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  resume(): void {
    this.openGate?.();
    this.openGate = undefined;
  }

  private async worker(): Promise<void> {
    for (;;) {
      await this.gate;
      if (this.next >= this.options.writes) return;
      const every = this.options.contended?.every ?? 0;
      if (every && this.contended.length && this.next % every === 0) await this.burst();
      else await this.one(this.next++);
    }
  }

  private async one(seq: number): Promise<void> {
    const roll = this.random();
    const target = roll < 0.4 ? undefined : this.pick();
    if (!target) return this.create(seq);
    const kind: WriteKind = roll < 0.75 ? 'update' : roll < 0.85 ? 'skills' : 'delete';
    this.busy.add(target.key);
    try {
      const { outcome } = await this.write(seq, kind, target, seq % this.options.targets().length);
      // A delete in doubt may have happened: nothing more is written to that expert.
      if (kind === 'delete' && outcome !== 'refused') this.remove(target);
    } finally {
      this.busy.delete(target.key);
    }
  }

  /** One update per process to the same expert, all sent at once, full or skills-only. */
  private async burst(): Promise<void> {
    const expert = this.contended[Math.floor(this.random() * this.contended.length)] as ExpertRef;
    const processes = Math.min(this.options.targets().length, this.options.writes - this.next);
    const seqs = Array.from({ length: processes }, () => this.next++);
    const kinds = seqs.map((): WriteKind => (this.random() < 0.5 ? 'update' : 'skills'));
    await Promise.all(seqs.map((seq, via) => this.write(seq, kinds[via] ?? 'update', expert, via)));
  }

  private async create(seq: number): Promise<void> {
    const email = `drill-${this.options.tag}-c${seq}@drill.example`;
    const expert: ExpertRef = { key: email, email, label: `c${seq}`, created: true };
    this.ledger.experts.set(email, expert);
    const { globalId } = await this.write(
      seq,
      'create',
      expert,
      seq % this.options.targets().length,
    );
    if (globalId) {
      expert.globalId = globalId;
      expert.id = uuidOf(globalId);
      this.live.push(expert);
    }
  }

  /** Sends one write and records it; the expert's global id comes back when acknowledged. */
  private async write(
    seq: number,
    kind: WriteKind,
    expert: ExpertRef,
    via: number,
  ): Promise<{ outcome: Outcome; globalId?: string }> {
    const url = this.options.targets()[via] as string;
    const input = writeInput(kind, this.options.tag, expert.label, seq, this.options.reference);
    const [text, variables] =
      kind === 'create'
        ? [CREATE, { input: { ...input, email: expert.email } }]
        : kind === 'delete'
          ? [DELETE, { id: expert.globalId }]
          : [UPDATE, { id: expert.globalId, input }];
    const sentAt = performance.now();
    this.sent++;
    const answer = await mutate(url, this.options.adminKey, text, variables);
    this.ledger.record({
      seq,
      kind,
      key: expert.key,
      via,
      sentAt,
      endedAt: performance.now(),
      outcome: answer.outcome,
      error: answer.outcome === 'acknowledged' ? undefined : answer.error,
    });
    this.answered++;
    for (const waiter of this.waiters.filter((w) => this.answered >= w.count)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    if (answer.outcome !== 'acknowledged') return { outcome: answer.outcome };
    const payload = Object.values(answer.data)[0] as { id: string };
    return { outcome: answer.outcome, globalId: payload.id };
  }

  /** A live expert with no write in flight, or none. */
  private pick(): ExpertRef | undefined {
    for (let attempt = 0; attempt < 8 && this.live.length; attempt++) {
      const candidate = this.live[Math.floor(this.random() * this.live.length)] as ExpertRef;
      if (!this.busy.has(candidate.key)) return candidate;
    }
    return undefined;
  }

  private remove(expert: ExpertRef): void {
    const at = this.live.indexOf(expert);
    if (at >= 0) this.live.splice(at, 1);
  }
}

/** A small seeded generator: the same seed makes the same sequence of writes. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
