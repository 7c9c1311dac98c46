import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { RequestWithCaller } from '../auth/caller.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Environment } from '../config/environment.js';
import { type RateDecision, RateLimits } from '../rate-limits/rate-limits.service.js';
import { EdgeErrorCode, sendEdgeError } from './edge-errors.js';
import { rateLimitClient } from './rate-limiter.js';

/**
 * Counts requests per API key, or per client IP for callers without a valid one
 * (`rateLimitClient`), so one noisy client never uses up another's allowance. Runs after caller
 * resolution (see edge.module.ts). The counts are kept by `RateLimits`, shared by every API
 * process when RATE_LIMIT_STORE is. Every counted answer carries RateLimit-Limit / -Remaining /
 * -Reset; past the limit the answer is 429 with Retry-After and a GraphQL-shaped error, and
 * nothing else runs.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  constructor(
    private readonly env: Environment,
    private readonly limits: RateLimits,
  ) {}

  async use(req: RequestWithCaller, res: Response, next: NextFunction): Promise<void> {
    const client = rateLimitClient(req);
    const limit = client.keyed ? this.env.RATE_LIMIT_KEYED : this.env.RATE_LIMIT_ANONYMOUS;
    if (limit === 0) return next();
    let decision: RateDecision;
    try {
      const windowMs = this.env.RATE_LIMIT_WINDOW_SECONDS * 1000;
      decision = await this.limits.hit(`req:${client.key}`, limit, windowMs);
    } catch (error) {
      if (!(error instanceof DomainError)) return next(error);
      // RATE_LIMIT_STORE_FAILURE=closed and the store is down: nothing runs uncounted.
      const retryAfter = Number(error.details.retryAfterSeconds);
      res.setHeader('Retry-After', String(retryAfter));
      return sendEdgeError(res, 503, EdgeErrorCode.RATE_LIMIT_UNAVAILABLE, error.message, {
        retryAfterSeconds: retryAfter,
      });
    }
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
