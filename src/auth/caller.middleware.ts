import { Inject, Injectable, type NestMiddleware, Optional } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import { ErrorCode } from '../common/errors/domain-error.js';
import { bearerToken } from './api-key.secret.js';
import { ApiKeysService } from './api-keys.service.js';
import {
  ANONYMOUS,
  type Caller,
  type CredentialRefusal,
  type RequestWithCaller,
  searchTokenCaller,
} from './caller.js';
import {
  SEARCH_TOKEN_CREDENTIALS,
  type SearchTokenCredentials,
} from './search-token-credentials.js';

const UNKNOWN_KEY = 'the API key is unknown or revoked';

/** Who the bearer stands for, or why it is refused; neither: anonymous. */
interface Outcome {
  caller?: Caller;
  refusal?: CredentialRefusal;
}

/**
 * Resolves `Authorization: Bearer <credential>` into `req.caller` before anything else runs
 * (rate limits, CORS, GraphQL). A request carries one credential or none: an API key, or a
 * search token from createSearchToken (a JWT, checked by the search module through
 * SEARCH_TOKEN_CREDENTIALS; see `searchTokenCaller` for what it may do). No header: anonymous.
 * A refused credential (unknown or revoked key; malformed, forged, expired or rotated token; a
 * token whose key was revoked) leaves the caller anonymous and marks the request, so the rate
 * limit counts it against its IP's anonymous allowance (guessing costs what anonymous requests
 * cost); `RefusedCredentialMiddleware` then answers it.
 */
@Injectable()
export class CallerMiddleware implements NestMiddleware {
  constructor(
    private readonly keys: ApiKeysService,
    @Optional()
    @Inject(SEARCH_TOKEN_CREDENTIALS)
    private readonly tokens?: SearchTokenCredentials,
  ) {}

  async use(req: RequestWithCaller, _res: Response, next: NextFunction): Promise<void> {
    const bearer = bearerToken(req.headers.authorization);
    const outcome: Outcome = bearer === undefined ? {} : await this.resolve(bearer);
    req.caller = outcome.caller ?? ANONYMOUS;
    req.refusal = outcome.refusal;
    next();
  }

  private async resolve(bearer: string): Promise<Outcome> {
    const verdict = await this.tokens?.verify(bearer);
    if (!verdict) {
      const caller = bearer ? await this.keys.resolve(bearer) : null;
      return caller ? { caller } : { refusal: { status: 401, message: UNKNOWN_KEY } };
    }
    if (!verdict.valid) {
      return { refusal: { status: verdict.unavailable ? 503 : 401, message: verdict.message } };
    }
    if (verdict.keyId === null) return { caller: searchTokenCaller(null) };
    const key = await this.keys.resolveId(verdict.keyId);
    return key
      ? { caller: searchTokenCaller(key) }
      : {
          refusal: {
            status: 401,
            message: 'the API key of this search token is unknown or revoked',
          },
        };
  }
}

/**
 * Answers a request whose credential was refused, once it has been counted: silently treating it
 * as anonymous would hide a misconfigured partner or an expired token.
 */
@Injectable()
export class RefusedCredentialMiddleware implements NestMiddleware {
  use(req: RequestWithCaller, res: Response, next: NextFunction): void {
    const { refusal } = req;
    if (!refusal) return next();
    if (refusal.status === 503) res.set('Retry-After', '5');
    else res.set('WWW-Authenticate', 'Bearer');
    res.status(refusal.status).json({
      errors: [
        {
          message: refusal.message,
          // 503: the engine holding the signing key is unreachable; not the caller's fault.
          extensions: { code: refusal.status === 503 ? 'SERVER_BUSY' : ErrorCode.UNAUTHENTICATED },
        },
      ],
    });
  }
}
