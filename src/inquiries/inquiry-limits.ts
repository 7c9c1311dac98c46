import { Injectable } from '@nestjs/common';
import { rateLimited } from '../common/errors/domain-error.js';
import { mailbox } from '../common/text/mailbox.js';
import { Environment } from '../config/environment.js';
import { RateLimits } from '../rate-limits/rate-limits.service.js';

/**
 * How often `submitInquiry` may run: each submission mails the address it names and lands in the
 * staff's queue, so far fewer are allowed than searches — per requester address (the address
 * cannot be flooded from many IPs) and per client (one IP or key cannot flood many addresses).
 * Counted per submission, not per request, so aliases in one document count each; checked before
 * anything is written. Counted in the rate limits' store, like the edge's request limit, so the
 * allowance holds across API processes when that store is shared.
 */
@Injectable()
export class InquiryLimits {
  constructor(
    private readonly env: Environment,
    private readonly limits: RateLimits,
  ) {}

  /** Counts one submission; throws RATE_LIMITED (429 with Retry-After) past either limit. */
  async count(client: string, email: string): Promise<void> {
    // The client first: a client already over its limit no longer spends an address's allowance.
    await this.hit(`client:${client}`, this.env.INQUIRY_LIMIT_CLIENT, 'from this client');
    await this.hit(
      `address:${mailbox(email)}`,
      this.env.INQUIRY_LIMIT_ADDRESS,
      'for this address',
      'email',
    );
  }

  private async hit(key: string, limit: number, scope: string, field?: string): Promise<void> {
    if (limit === 0) return;
    const windowMs = this.env.INQUIRY_WINDOW_SECONDS * 1000;
    const decision = await this.limits.hit(`inquiry:${key}`, limit, windowMs);
    if (decision.allowed) return;
    throw rateLimited(
      `too many inquiries ${scope}: at most ${limit} per ${this.env.INQUIRY_WINDOW_SECONDS} s; ` +
        `retry in ${decision.resetSeconds} s`,
      decision.resetSeconds,
      field,
    );
  }
}
