import { Injectable } from '@nestjs/common';
import { rateLimited } from '../common/errors/domain-error.js';
import { Environment } from '../config/environment.js';
import { RateLimits } from './rate-limits.service.js';

/**
 * How often one person may post: a message (or a conversation's first one), a forum question,
 * answer or comment. One budget for all of them, counted per person whichever session or process
 * they post from, in the rate limits' shared store: alternating between kinds of post gains
 * nothing.
 */
@Injectable()
export class PostingLimit {
  constructor(
    private readonly env: Environment,
    private readonly limits: RateLimits,
  ) {}

  /** Counts one post; throws RATE_LIMITED (429 with Retry-After) past the limit. */
  async count(personId: string, field: string): Promise<void> {
    const limit = this.env.MESSAGE_LIMIT_PERSON;
    if (limit === 0) return;
    const seconds = this.env.MESSAGE_WINDOW_SECONDS;
    const decision = await this.limits.hit(`message:person:${personId}`, limit, seconds * 1000);
    if (decision.allowed) return;
    throw rateLimited(
      `too many posts (messages, questions, answers, comments): at most ${limit} per ${seconds} s; retry in ${decision.resetSeconds} s`,
      decision.resetSeconds,
      field,
    );
  }
}
