import { callerOf, type RequestWithCaller, usesApiKey } from '../auth/caller.js';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in the current window. */
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  resetSeconds: number;
}

/**
 * Fixed-window counters, one per client key, held in this process's memory. A client may send
 * `limit` requests per window, the window starting at its first request; a burst across a window
 * boundary can reach twice the limit, which is the usual price of this cheap scheme.
 *
 * Per process: with several replicas each counts on its own, so a client gets `limit` per replica.
 * Expired windows are swept once per window length, so memory follows the number of clients
 * active in one window.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private nextSweep = 0;

  constructor(private readonly windowMs: number) {}

  hit(key: string, limit: number, now: number = Date.now()): RateDecision {
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return {
      allowed: window.count <= limit,
      limit,
      remaining: Math.max(0, limit - window.count),
      resetSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)),
    };
  }

  /** Clients currently counted (for tests and diagnostics). */
  get size(): number {
    return this.windows.size;
  }

  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    for (const [key, window] of this.windows) {
      if (now >= window.resetAt) this.windows.delete(key);
    }
    this.nextSweep = now + this.windowMs;
  }
}

/**
 * Whom a limit counts: the caller's API key, or for callers without a valid one the client IP
 * (the socket's peer unless TRUST_PROXY_HOPS says which proxies to believe). A request with an
 * unknown key is anonymous here, so made-up keys spend their IP's anonymous allowance. A search
 * token counts per IP too: its key's visitors each search from their own browser.
 */
export function rateLimitClient(req: RequestWithCaller): { key: string; keyed: boolean } {
  const caller = callerOf(req);
  return caller.keyId && usesApiKey(caller)
    ? { key: `key:${caller.keyId}`, keyed: true }
    : { key: `ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`, keyed: false };
}
