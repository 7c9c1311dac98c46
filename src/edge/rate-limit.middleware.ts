import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { callerOf, type RequestWithCaller } from '../auth/caller.js';
import { Environment } from '../config/environment.js';
import { EdgeErrorCode, sendEdgeError } from './edge-errors.js';
import { FixedWindowRateLimiter } from './rate-limiter.js';

/**
 * Counts requests per API key (`callerOf(req).keyId`), or per client IP for callers without one,
 * so one noisy client never uses up another's allowance. Runs after caller resolution (see
 * edge.module.ts). Every counted answer carries RateLimit-Limit / -Remaining / -Reset; past the
 * limit the answer is 429 with Retry-After and a GraphQL-shaped error, and nothing else runs.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  private readonly limiter: FixedWindowRateLimiter;

  constructor(private readonly env: Environment) {
    this.limiter = new FixedWindowRateLimiter(env.RATE_LIMIT_WINDOW_SECONDS * 1000);
  }

  use(req: RequestWithCaller, res: Response, next: NextFunction): void {
    const { keyId } = callerOf(req);
    // req.ip is the socket's peer unless TRUST_PROXY_HOPS says which proxies to believe.
    const [key, limit] = keyId
      ? [`key:${keyId}`, this.env.RATE_LIMIT_KEYED]
      : [`ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`, this.env.RATE_LIMIT_ANONYMOUS];
    if (limit === 0) return next();
    const decision = this.limiter.hit(key, limit);
    res.setHeader('RateLimit-Limit', String(decision.limit));
    res.setHeader('RateLimit-Remaining', String(decision.remaining));
    res.setHeader('RateLimit-Reset', String(decision.resetSeconds));
    if (decision.allowed) return next();
    res.setHeader('Retry-After', String(decision.resetSeconds));
    const window = this.env.RATE_LIMIT_WINDOW_SECONDS;
    sendEdgeError(
      res,
      429,
      EdgeErrorCode.RATE_LIMITED,
      `Too many requests: at most ${limit} per ${window} s for this ${keyId ? 'API key' : 'client'}; ` +
        `retry in ${decision.resetSeconds} s.`,
      { retryAfterSeconds: decision.resetSeconds },
    );
  }
}
