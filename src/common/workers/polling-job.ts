import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PollingLoop } from './polling-loop.js';

export interface PollingJobOptions {
  db: DataSource;
  logger: Logger;
  /** PostgreSQL advisory lock: one process at a time runs the job. */
  lockKey: number;
  idleMs: number;
  maxBackoffMs: number;
  /** The wait after a batch that found work (see PollingLoopOptions). */
  busyMs?: number;
  /** Whether this process runs the job in the background (tests and tools drive it by drain). */
  enabled: boolean;
}

/**
 * A periodic background job (mail digests, reminders) on a PollingLoop: started with the app when
 * enabled, stopped with it, drained by tests. Subclasses say what one batch does.
 */
export abstract class PollingJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: PollingLoop;
  private readonly enabled: boolean;

  protected constructor({ enabled, ...options }: PollingJobOptions) {
    this.enabled = enabled;
    this.loop = new PollingLoop({ ...options, batch: () => this.batch() });
  }

  /** One batch of work; returns how many items it settled (0: nothing to do). */
  protected abstract batch(): Promise<number>;

  onApplicationBootstrap(): void {
    if (this.enabled) this.loop.resume();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.pause();
  }

  /** Whether the background loop runs in this process. */
  get active(): boolean {
    return this.loop.active;
  }

  /** Runs batches until nothing is due; returns how many items were settled. For tests and tools. */
  drain(): Promise<number> {
    return this.loop.drain();
  }
}
