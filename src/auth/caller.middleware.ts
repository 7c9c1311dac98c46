import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { ErrorCode } from '../common/errors/domain-error.js';
import { bearerToken } from './api-key.secret.js';
import { ApiKeysService } from './api-keys.service.js';
import { ANONYMOUS, type RequestWithCaller } from './caller.js';

/**
 * Resolves `Authorization: Bearer <key>` into `req.caller` before anything else runs (rate
 * limits, CORS, GraphQL). No header: anonymous. A header with an unknown or revoked key is
 * refused outright — silently treating it as anonymous would hide a misconfigured partner.
 */
@Injectable()
export class CallerMiddleware implements NestMiddleware {
  constructor(private readonly keys: ApiKeysService) {}

  async use(req: RequestWithCaller, res: Response, next: NextFunction): Promise<void> {
    const secret = bearerToken(req.headers.authorization);
    if (secret === undefined) {
      req.caller = ANONYMOUS;
      return next();
    }
    const caller = secret ? await this.keys.resolve(secret) : null;
    if (!caller) {
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
      return;
    }
    req.caller = caller;
    next();
  }
}
