import { Inject, Injectable, type NestMiddleware, Optional } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { callerOf, type RequestWithCaller, usesApiKey } from '../auth/caller.js';
import { Environment } from '../config/environment.js';
import { answerPreflight, grantRead, isPreflight } from './cors-grants.js';

/**
 * Seam for the API-key store: does any key allow this origin? EdgeModule provides it from
 * ApiKeysService; without it (unit tests) no key origin is known.
 */
export const KEY_ORIGINS = Symbol('KEY_ORIGINS');
export interface KeyOrigins {
  allows(origin: string): boolean | Promise<boolean>;
}

const GRANT = {
  methods: 'GET, POST',
  headers: 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name',
};

/**
 * Which browser pages may read Kenner's answers. CORS grants reading, it does not authorise:
 * the API key does. No credentials (cookies) are involved, so Allow-Credentials is never sent.
 *
 * - Actual requests: a keyed caller's origins are the key's `allowedOrigins`. An anonymous
 *   caller reads public data under the anonymous rate limit, so any page may do it (the embed
 *   widget on a partner's site needs no setup) unless the operator lists CORS_ORIGINS, which then
 *   are the only origins of anonymous answers. A caller with a search token is read like an
 *   anonymous one, and also by its key's own origins. Same-origin pages, such as GraphiQL, need
 *   no header.
 * - Preflights carry no Authorization header, so the caller is unknown when they are answered.
 *   They are granted to the union of every origin that could succeed: any origin while
 *   CORS_ORIGINS is unset, else CORS_ORIGINS and the origins of any key (KEY_ORIGINS). A page at
 *   an origin nobody allowed gets no grant, so its browser never sends the real request: no
 *   quota spent, nothing executed. A granted preflight gives away nothing by itself, because the
 *   real response is granted only if that request's own caller allows the origin.
 */
@Injectable()
export class CorsMiddleware implements NestMiddleware {
  private readonly anonymousOrigins: ReadonlySet<string>;

  constructor(
    env: Environment,
    @Optional() @Inject(KEY_ORIGINS) private readonly keyOrigins?: KeyOrigins,
  ) {
    this.anonymousOrigins = new Set(env.CORS_ORIGINS);
  }

  async use(req: RequestWithCaller, res: Response, next: NextFunction): Promise<void> {
    // Answers differ by Origin: shared caches must not serve one origin's answer to another.
    res.vary('Origin');
    const origin = req.headers.origin;
    if (isPreflight(req)) {
      answerPreflight(res, origin, origin && (await this.preflightAllows(origin)) ? GRANT : null);
      return;
    }
    if (origin && this.allows(req, origin)) grantRead(res, origin);
    next();
  }

  private allows(req: RequestWithCaller, origin: string): boolean {
    const caller = callerOf(req);
    if (usesApiKey(caller)) return caller.allowedOrigins.includes(origin);
    return this.anonymousAllows(origin) || caller.allowedOrigins.includes(origin);
  }

  private anonymousAllows(origin: string): boolean {
    return this.anonymousOrigins.size === 0 || this.anonymousOrigins.has(origin);
  }

  private async preflightAllows(origin: string): Promise<boolean> {
    if (this.anonymousAllows(origin)) return true;
    return (await this.keyOrigins?.allows(origin)) ?? false;
  }
}
