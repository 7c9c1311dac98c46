import { Inject, Injectable, type NestMiddleware, Optional } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Environment } from '../config/environment.js';
import { answerPreflight, grantRead, isPreflight } from './cors-grants.js';
import { KEY_ORIGINS, type KeyOrigins } from './cors.middleware.js';

const GRANT = { methods: 'POST', headers: 'authorization, content-type, x-meilisearch-client' };

/**
 * CORS of the search proxy (/search/…). Its answers are what a search token lets through, and
 * the token, not the page's origin, scopes them: any page may call it unless the operator lists
 * CORS_ORIGINS, which then restricts it to those origins and the API keys' `allowedOrigins`.
 * Preflights and actual requests follow the same rule (the bearer is a token, not a key).
 */
@Injectable()
export class SearchCorsMiddleware implements NestMiddleware {
  private readonly listed: ReadonlySet<string>;

  constructor(
    env: Environment,
    @Optional() @Inject(KEY_ORIGINS) private readonly keyOrigins?: KeyOrigins,
  ) {
    this.listed = new Set(env.CORS_ORIGINS);
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    res.vary('Origin');
    const origin = req.headers.origin;
    const allowed = origin !== undefined && (await this.allows(origin));
    if (isPreflight(req)) {
      answerPreflight(res, origin, allowed ? GRANT : null);
      return;
    }
    if (allowed) grantRead(res, origin);
    next();
  }

  private async allows(origin: string): Promise<boolean> {
    if (this.listed.size === 0 || this.listed.has(origin)) return true;
    return (await this.keyOrigins?.allows(origin)) ?? false;
  }
}
