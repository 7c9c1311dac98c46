import { Injectable } from '@nestjs/common';
import { rateLimited } from '../../common/errors/domain-error.js';
import { Environment } from '../../config/environment.js';
import { FixedWindowRateLimiter } from '../../edge/rate-limiter.js';

/**
 * How often a client without an API key may mint search tokens (SEARCH_TOKEN_LIMIT per
 * RATE_LIMIT_WINDOW_SECONDS per IP), apart from and far below its request limit: a page needs one
 * per visit and one per refresh. Counted per token, so aliases in one document count each.
 * In-memory and per process, like the edge's request limit.
 */
@Injectable()
export class SearchTokenLimits {
  private readonly limiter: FixedWindowRateLimiter;

  constructor(private readonly env: Environment) {
    this.limiter = new FixedWindowRateLimiter(env.RATE_LIMIT_WINDOW_SECONDS * 1000);
  }

  /** Counts one anonymous mint by `client` (ip:…); throws RATE_LIMITED (429) past the limit. */
  count(client: string): void {
    const limit = this.env.SEARCH_TOKEN_LIMIT;
    if (limit === 0) return;
    const decision = this.limiter.hit(client, limit);
    if (decision.allowed) return;
    throw rateLimited(
      `too many search tokens from this client without an API key: at most ${limit} per ` +
        `${this.env.RATE_LIMIT_WINDOW_SECONDS} s; retry in ${decision.resetSeconds} s ` +
        '(a page needs one per visit, then one before each expires)',
      decision.resetSeconds,
    );
  }
}
