import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { DomainError, ErrorCode } from '../common/errors/domain-error.js';
import { Environment } from '../config/environment.js';
import { MemoryRateLimitStore } from './memory-rate-limit.store.js';
import { RateLimitStore } from './rate-limit-store.js';
import { within } from '../common/time/within.js';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Left in the current window. */
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
}

/** A shared store slower than this counts as down: every counted request waits for it. */
export const STORE_TIMEOUT_MS = 1_000;

/** While the store is down, one warning per this long, not one per request. */
const WARN_EVERY_MS = 60_000;

/** What a client refused because nothing could be counted is told to wait. */
const RETRY_AFTER_SECONDS = 5;

/**
 * Every limit of the app (the edge's requests, anonymous search tokens, inquiries) counts here,
 * in the store RATE_LIMIT_STORE chose, so with a shared store the allowance is one for all API
 * processes. When that store cannot be reached, RATE_LIMIT_STORE_FAILURE decides: `open` counts
 * in this process until it is back (the allowance then holds per process, as with the memory
 * store), `closed` refuses with RATE_LIMIT_UNAVAILABLE (503).
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimits');
  private readonly local = new MemoryRateLimitStore();
  private warnedAt = -Infinity;
  private failures = 0;
  /**
   * Keys this process saw refused, until their window ends. A count only grows within its window,
   * so they stay refused without asking the store: a flood from one client costs the shared store
   * one write per process and window, not one per request.
   */
  private readonly refused = new Map<string, number>();
  private nextSweep = 0;

  constructor(
    readonly store: RateLimitStore,
    private readonly env: Environment,
  ) {}

  /**
   * Adds `cost` to `key`'s window and says whether it stayed within `limit`. Keys are namespaced
   * by their callers (`req:`, `token:`, `inquiry:`), since all share one store.
   */
  async hit(key: string, limit: number, windowMs: number, cost = 1): Promise<RateDecision> {
    const refusedUntil = this.refusedUntil(key);
    if (refusedUntil !== undefined) return decide(limit, limit + cost, refusedUntil);
    let window;
    try {
      window = await withTimeout(this.store.hit(key, windowMs, cost), STORE_TIMEOUT_MS);
    } catch (error) {
      this.failed(error);
      if (this.env.RATE_LIMIT_STORE_FAILURE === 'closed') throw unavailable();
      window = await this.local.hit(key, windowMs, cost);
    }
    if (window.count > limit) this.refused.set(key, window.resetAt);
    return decide(limit, window.count, window.resetAt);
  }

  onApplicationShutdown(): Promise<void> {
    return this.store.close();
  }

  private refusedUntil(key: string): number | undefined {
    const now = Date.now();
    if (now >= this.nextSweep) {
      for (const [k, until] of this.refused) if (until <= now) this.refused.delete(k);
      this.nextSweep = now + WARN_EVERY_MS;
    }
    const until = this.refused.get(key);
    return until !== undefined && until > now ? until : undefined;
  }

  private failed(error: unknown): void {
    this.failures += 1;
    const now = Date.now();
    if (now - this.warnedAt < WARN_EVERY_MS) return;
    this.warnedAt = now;
    const mode =
      this.env.RATE_LIMIT_STORE_FAILURE === 'closed'
        ? 'refusing what it would count (RATE_LIMIT_STORE_FAILURE=closed)'
        : 'counting in this process only until it answers (RATE_LIMIT_STORE_FAILURE=open)';
    this.logger.warn(
      `the ${this.store.kind} rate-limit store failed ${this.failures} time(s) in the last ` +
        `minute, ${mode}: ${error instanceof Error ? error.message : String(error)}`,
    );
    this.failures = 0;
  }
}

function decide(limit: number, count: number, resetAt: number): RateDecision {
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    resetSeconds: Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)),
  };
}

function unavailable(): DomainError {
  return new DomainError(
    ErrorCode.RATE_LIMIT_UNAVAILABLE,
    `rate limits cannot be counted right now (their shared store is unreachable); retry in ${RETRY_AFTER_SECONDS} s`,
    undefined,
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
  );
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return within(work, ms, (): never => {
    throw new Error(`no answer within ${ms} ms`);
  });
}
