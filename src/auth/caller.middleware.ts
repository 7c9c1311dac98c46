import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { ErrorCode } from '../common/errors/domain-error.js';
import { bearerToken } from './api-key.secret.js';
import { ApiKeysService } from './api-keys.service.js';
import { ANONYMOUS, type RequestWithCaller } from './caller.js';

/**
 * Resolves `Authorization: Bearer <key>` into `req.caller` before anything else runs (rate
 * limits, CORS, GraphQL). No header: anonymous. A header with an unknown or revoked key leaves the
 * caller anonymous and marks the request, so the rate limit counts it against its IP's anonymous
 * allowance (guessing keys costs what anonymous requests cost); `UnknownKeyMiddleware` then
 * refuses it.
 */
@Injectable()
export class CallerMiddleware implements NestMiddleware {
  constructor(private readonly keys: ApiKeysService) {}

  async use(req: RequestWithCaller, _res: Response, next: NextFunction): Promise<void> {
    const secret = bearerToken(req.headers.authorization);
    const caller = secret ? await this.keys.resolve(secret) : null;
    req.caller = caller ?? ANONYMOUS;
    req.unknownKey = secret !== undefined && !caller;
    next();
  }
}

/**
 * Refuses a request whose key is unknown or revoked, once it has been counted: silently treating
 * it as anonymous would hide a misconfigured partner.
 */
@Injectable()
export class UnknownKeyMiddleware implements NestMiddleware {
  use(req: RequestWithCaller, res: Response, next: NextFunction): void {
    if (!req.unknownKey) return next();
    res
      .status(401)
      .set('WWW-Authenticate', 'Bearer')
      .json({
        errors: [
          {
            message: 'the API key is unknown or revoked',
            extensions: { code: ErrorCode.UNAUTHENTICATED },
          },
        ],
      });
  }
}
