import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { withAdvisoryLock } from '../database/advisory-lock.js';
import { within } from '../time/within.js';

export interface PollingLoopOptions {
  db: DataSource;
  logger: Logger;
  /** PostgreSQL advisory lock: one process at a time runs batches. */
  lockKey: number;
  /** One batch of work; returns how many items it settled (0: nothing to do). */
  batch: () => Promise<number>;
  idleMs: number;
  /** Backoff after a failed batch doubles from `idleMs` up to this. */
  maxBackoffMs: number;
  /**
   * A pace for the background loop: the wait after a batch that found work (none: the next batch
   * at once). Drains are not paced: whoever drains wants the work done.
   */
  busyMs?: number;
}

/**
 * The background loop of an outbox relay: run batches while there is work, sleep when there is
 * none, back off after a failure, and let tests pause, resume and drain it. Batches never overlap
 * in this process (a promise chain) nor across processes (the advisory lock).
 */
export class PollingLoop {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Set by `poke`; the next idle wait is skipped. */
  private poked = false;
  /** Whether the loop is in its idle wait, the one wait `poke` cuts short. */
  private idle = false;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PollingLoopOptions) {}

  /** Whether the background loop runs (not paused or stopped). */
  get active(): boolean {
    return this.running;
  }

  resume(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops once the current batch is done (pending work stays pending). */
  async pause(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /**
   * Work was just committed in this process: the loop looks now instead of at its next poll. Ends
   * an idle wait at once, or skips the next one when it comes during a batch (which may have read
   * before the commit). Paced and backoff waits are kept.
   */
  poke(): void {
    this.poked = true;
    if (this.idle) this.wake?.();
  }

  /**
   * Runs batches until one finds nothing; returns how many items were settled. While another
   * process holds the lock it waits for its turn: "someone else is sending" is not "nothing to
   * send", and a caller that drains expects the work done when this resolves.
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const settled = await this.once();
      if (settled === null) {
        await new Promise((resolve) => setTimeout(resolve, this.options.idleMs));
        continue;
      }
      if (!settled) return total;
      total += settled;
    }
  }

  /**
   * For a shutdown: stops the background loop once its current batch is done, then runs
   * batches until one finds nothing, so work written just before the stop leaves with it. Gives
   * up waiting at `deadline` (epoch ms), even on a batch still running: its items stay pending
   * (a batch settles them only once done), for the next start. Resolves true when nothing was
   * left; rejects when a batch failed (its work stays pending too).
   */
  finish(deadline: number): Promise<boolean> {
    const work = (async () => {
      await this.pause();
      while (Date.now() < deadline) {
        const settled = await this.once();
        if (settled === 0) return true;
        if (settled === null) await new Promise((r) => setTimeout(r, this.options.idleMs));
      }
      return false;
    })();
    // Given up on at the deadline, it may still fail later: nobody awaits it any more.
    work.catch(() => undefined);
    return within(work, Math.max(0, deadline - Date.now()), () => false);
  }

  /** One batch under the lock; `null` when another process holds it. */
  private once(): Promise<number | null> {
    const next = this.chain.then(async () => {
      const result = await withAdvisoryLock(
        this.options.db,
        this.options.lockKey,
        this.options.batch,
      );
      return result.locked ? result.value : null;
    });
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async run(): Promise<void> {
    let backoff = this.options.idleMs;
    while (this.running) {
      try {
        const settled = await this.once();
        backoff = this.options.idleMs;
        if (!settled) await this.idleWait();
        else if (this.options.busyMs) await this.sleep(this.options.busyMs);
      } catch (error) {
        this.options.logger.warn(`paused ${backoff} ms: ${(error as Error).message}`);
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs);
      }
    }
  }

  private async idleWait(): Promise<void> {
    if (!this.poked) {
      this.idle = true;
      await this.sleep(this.options.idleMs);
      this.idle = false;
    }
    this.poked = false;
  }

  /** A pause that came during a batch has nothing to wake: the loop then ends without sleeping. */
  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
