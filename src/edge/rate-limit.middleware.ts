import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { RequestWithCaller } from '../auth/caller.js';
import { Environment } from '../config/environment.js';
import { EdgeErrorCode, sendEdgeError } from './edge-errors.js';
import { FixedWindowRateLimiter, rateLimitClient } from './rate-limiter.js';

/**
 * Counts requests per API key, or per client IP for callers without a valid one
 * (`rateLimitClient`), so one noisy client never uses up another's allowance. Runs after caller resolution (see
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
    const client = rateLimitClient(req);
    const limit = client.keyed ? this.env.RATE_LIMIT_KEYED : this.env.RATE_LIMIT_ANONYMOUS;
    if (limit === 0) return next();
    const decision = this.limiter.hit(client.key, limit);
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
      `Too many requests: at most ${limit} per ${window} s for this ${client.keyed ? 'API key' : 'client'}; ` +
        `retry in ${decision.resetSeconds} s.`,
      { retryAfterSeconds: decision.resetSeconds },
    );
  }
}
