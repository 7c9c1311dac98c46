import { Injectable } from '@nestjs/common';
import { rateLimited } from '../common/errors/domain-error.js';
import { mailbox } from '../common/text/mailbox.js';
import { Environment } from '../config/environment.js';
import { FixedWindowRateLimiter } from '../edge/rate-limiter.js';

/**
 * How often `requestSignIn` may run: each one may mail the address it names. Per address (known
 * or not, so a refusal says nothing about whether it is known; case and `+tag` ignored) and per
 * client (its IP, or its API key). Counted before anything is looked up. In-memory and per
 * process, like the edge's request limit.
 */
@Injectable()
export class SignInLimits {
  private readonly limiter: FixedWindowRateLimiter;

  constructor(private readonly env: Environment) {
    this.limiter = new FixedWindowRateLimiter(env.SIGN_IN_WINDOW_SECONDS * 1000);
  }

  /** Counts one request; throws RATE_LIMITED (429 with Retry-After) past either limit. */
  count(client: string, email: string): void {
    // The client first: a client already over its limit no longer spends an address's allowance.
    this.hit(`client:${client}`, this.env.SIGN_IN_LIMIT_CLIENT, 'from this client');
    this.hit(
      `address:${mailbox(email)}`,
      this.env.SIGN_IN_LIMIT_ADDRESS,
      'for this address',
      'email',
    );
  }

  private hit(key: string, limit: number, scope: string, field?: string): void {
    if (limit === 0) return;
    const decision = this.limiter.hit(key, limit);
    if (decision.allowed) return;
    throw rateLimited(
      `too many sign-in requests ${scope}: at most ${limit} per ${this.env.SIGN_IN_WINDOW_SECONDS} s; ` +
        `retry in ${decision.resetSeconds} s`,
      decision.resetSeconds,
      field,
    );
  }
}
