/** A window's count after a hit, and when the window ends (epoch ms on this process's clock). */
export interface WindowCount {
  count: number;
  resetAt: number;
}

export type RateLimitStoreKind = 'memory' | 'postgres' | 'redis';

/**
 * Where fixed-window counters live: in this process, or shared by every API process (PostgreSQL,
 * Redis). One window per key, starting at its first hit and lasting `windowMs`; a hit adds `cost`
 * and answers the count after it, atomically, however many processes hit the same key at once.
 *
 * A window starts at a key's first hit rather than on the clock's boundaries, so a client cannot
 * time its burst to a boundary every process shares; a burst across the end of its own window can
 * still reach twice the limit, the usual price of this cheap scheme.
 */
export abstract class RateLimitStore {
  abstract readonly kind: RateLimitStoreKind;

  /** Rejects when the store cannot be reached: the caller decides to fail open or closed. */
  abstract hit(key: string, windowMs: number, cost: number): Promise<WindowCount>;

  close(): Promise<void> {
    return Promise.resolve();
  }
}
