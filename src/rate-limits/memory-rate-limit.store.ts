import { RateLimitStore, type WindowCount } from './rate-limit-store.js';

/** How often ended windows are swept out, so memory follows the clients of one window. */
const SWEEP_EVERY_MS = 60_000;

/**
 * Counters in this process's memory: the default, and all one process needs. With several
 * processes each counts on its own, so a client gets the whole allowance from each.
 */
export class MemoryRateLimitStore extends RateLimitStore {
  readonly kind = 'memory';
  private readonly windows = new Map<string, WindowCount>();
  private nextSweep = 0;

  constructor(private readonly clock: () => number = Date.now) {
    super();
  }

  hit(key: string, windowMs: number, cost: number): Promise<WindowCount> {
    const now = this.clock();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += cost;
    return Promise.resolve({ ...window });
  }

  /** Keys currently counted (for tests and diagnostics). */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    for (const [key, window] of this.windows) {
      if (now >= window.resetAt) this.windows.delete(key);
    }
    this.nextSweep = now + SWEEP_EVERY_MS;
  }
}
