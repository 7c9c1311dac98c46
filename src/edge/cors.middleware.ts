import { Inject, Injectable, type NestMiddleware, Optional } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { callerOf, type RequestWithCaller } from '../auth/caller.js';
import { Environment } from '../config/environment.js';

/**
 * Seam for the API-key store: does any key allow this origin? EdgeModule provides it from
 * ApiKeysService; without it (unit tests) no key origin is known.
 */
export const KEY_ORIGINS = Symbol('KEY_ORIGINS');
export interface KeyOrigins {
  allows(origin: string): boolean | Promise<boolean>;
}

const ALLOWED_METHODS = 'GET, POST';
const ALLOWED_HEADERS =
  'authorization, content-type, apollo-require-preflight, x-apollo-operation-name';
/** So a page can read how long to wait after a 429, and how much allowance is left. */
const EXPOSED_HEADERS = 'retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

const isPreflight = (req: Request): boolean =>
  req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;

/**
 * Which browser pages may read Kenner's answers. CORS grants reading, it does not authorise:
 * the API key does. No credentials (cookies) are involved, so Allow-Credentials is never sent.
 *
 * - Actual requests: a keyed caller's origins are the key's `allowedOrigins`; an anonymous
 *   caller's are CORS_ORIGINS (default none: no CORS headers at all). Same-origin pages, such
 *   as GraphiQL, need no header.
 * - Preflights carry no Authorization header, so the caller is unknown when they are answered.
 *   They are granted to the union of every origin that could succeed: CORS_ORIGINS and the
 *   origins of any key (KEY_ORIGINS). A page at an origin nobody allowed gets no grant, so its
 *   browser never sends the real request: no quota spent, nothing executed. A granted preflight
 *   gives away nothing by itself, because the real response is granted only if that request's
 *   own caller allows the origin.
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
      if (origin && (await this.preflightAllows(origin))) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', PREFLIGHT_MAX_AGE_SECONDS);
      }
      res.status(204).end();
      return;
    }
    if (origin && this.allows(req, origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    next();
  }

  private allows(req: RequestWithCaller, origin: string): boolean {
    const caller = callerOf(req);
    return caller.keyId
      ? caller.allowedOrigins.includes(origin)
      : this.anonymousOrigins.has(origin);
  }

  private async preflightAllows(origin: string): Promise<boolean> {
    if (this.anonymousOrigins.has(origin)) return true;
    return (await this.keyOrigins?.allows(origin)) ?? false;
  }
}
