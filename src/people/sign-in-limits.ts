import { Injectable } from '@nestjs/common';
import { rateLimited } from '../common/errors/domain-error.js';
import { mailbox } from '../common/text/mailbox.js';
import { Environment } from '../config/environment.js';
import { RateLimits } from '../rate-limits/rate-limits.service.js';

/**
 * How often `requestSignIn` may run: each one may mail the address it names. Per address (known
 * or not, so a refusal says nothing about whether it is known; case and `+tag` ignored) and per
 * client (its IP, or its API key). Counted before anything is looked up, in the rate limits'
 * store, like the edge's request limit.
 */
@Injectable()
export class SignInLimits {
  constructor(
    private readonly env: Environment,
    private readonly limits: RateLimits,
  ) {}

  /** Counts one request; throws RATE_LIMITED (429 with Retry-After) past either limit. */
  async count(client: string, email: string): Promise<void> {
    // The client first: a client already over its limit no longer spends an address's allowance.
    await this.hit(`client:${client}`, this.env.SIGN_IN_LIMIT_CLIENT, 'from this client');
    await this.hit(
      `address:${mailbox(email)}`,
      this.env.SIGN_IN_LIMIT_ADDRESS,
      'for this address',
      'email',
    );
  }

  private async hit(key: string, limit: number, scope: string, field?: string): Promise<void> {
    if (limit === 0) return;
    const windowMs = this.env.SIGN_IN_WINDOW_SECONDS * 1000;
    const decision = await this.limits.hit(`sign-in:${key}`, limit, windowMs);
    if (decision.allowed) return;
    throw rateLimited(
      `too many sign-in requests ${scope}: at most ${limit} per ${this.env.SIGN_IN_WINDOW_SECONDS} s; ` +
        `retry in ${decision.resetSeconds} s`,
      decision.resetSeconds,
      field,
    );
  }
}
