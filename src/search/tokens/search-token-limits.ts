import { Injectable } from '@nestjs/common';
import { rateLimited } from '../../common/errors/domain-error.js';
import { Environment } from '../../config/environment.js';
import { RateLimits } from '../../rate-limits/rate-limits.service.js';

/**
 * How often a client without an API key may mint search tokens (SEARCH_TOKEN_LIMIT per
 * RATE_LIMIT_WINDOW_SECONDS per IP), apart from and far below its request limit: a page needs one
 * per visit and one per refresh. Counted per token, so aliases in one document count each.
 * Counted in the rate limits' store, like the edge's request limit.
 */
@Injectable()
export class SearchTokenLimits {
  constructor(
    private readonly env: Environment,
    private readonly limits: RateLimits,
  ) {}

  /** Counts one anonymous mint by `client` (ip:…); throws RATE_LIMITED (429) past the limit. */
  async count(client: string): Promise<void> {
    const limit = this.env.SEARCH_TOKEN_LIMIT;
    if (limit === 0) return;
    const window = this.env.RATE_LIMIT_WINDOW_SECONDS;
    const decision = await this.limits.hit(`token:${client}`, limit, window * 1000);
    if (decision.allowed) return;
    throw rateLimited(
      `too many search tokens from this client without an API key: at most ${limit} per ` +
        `${window} s; retry in ${decision.resetSeconds} s ` +
        '(a page needs one per visit, then one before each expires)',
      decision.resetSeconds,
    );
  }
}
