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
  CONVERSATION_GUESTS,
  type ConversationGuests,
  GUEST_LINK_REFUSED,
  looksLikeGuestLink,
} from './conversation-guests.js';
import {
  looksLikeSession,
  PERSON_SESSIONS,
  type PersonSessions,
  SESSION_REFUSED,
} from './person-sessions.js';
import {
  SEARCH_TOKEN_CREDENTIALS,
  type SearchTokenCredentials,
} from './search-token-credentials.js';

const UNKNOWN_KEY = 'the API key is unknown or revoked';
const SEVERAL =
  'send one credential: an API key, a search token or a session token, not several (one Authorization: Bearer header with one token)';

/** Who the bearer stands for, or why it is refused; neither: anonymous. */
interface Outcome {
  caller?: Caller;
  refusal?: CredentialRefusal;
}

/**
 * Resolves `Authorization: Bearer <credential>` into `req.caller` before anything else runs
 * (rate limits, CORS, GraphQL). A request carries one credential or none: an API key (`knr_`),
 * a search token from createSearchToken (a JWT, checked by the search module through
 * SEARCH_TOKEN_CREDENTIALS; see `searchTokenCaller` for what it may do), or a person's session
 * token (`kss_`, checked by the people module through PERSON_SESSIONS), or a conversation link
 * (`kcg_`, checked by the conversations module through CONVERSATION_GUESTS). No header: anonymous.
 * Two credentials (two headers, or two tokens in one) are refused with 400: which one should win
 * is no question the server should guess at.
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
    @Optional()
    @Inject(PERSON_SESSIONS)
    private readonly sessions?: PersonSessions,
    @Optional()
    @Inject(CONVERSATION_GUESTS)
    private readonly guests?: ConversationGuests,
  ) {}

  async use(req: RequestWithCaller, _res: Response, next: NextFunction): Promise<void> {
    const outcome: Outcome = carriesSeveral(req)
      ? { refusal: { status: 400, message: SEVERAL } }
      : await this.outcome(req);
    req.caller = outcome.caller ?? ANONYMOUS;
    req.refusal = outcome.refusal;
    next();
  }

  private async outcome(req: RequestWithCaller): Promise<Outcome> {
    const bearer = bearerToken(req.headers.authorization);
    if (bearer === undefined) return {};
    if (this.sessions && looksLikeSession(bearer)) {
      const caller = await this.sessions.resolve(bearer, req.headers['user-agent']);
      return caller ? { caller } : { refusal: { status: 401, message: SESSION_REFUSED } };
    }
    if (this.guests && looksLikeGuestLink(bearer)) {
      const caller = await this.guests.resolve(bearer);
      return caller ? { caller } : { refusal: { status: 401, message: GUEST_LINK_REFUSED } };
    }
    return this.resolve(bearer);
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
    if (verdict.sessionId) {
      // Minted by a signed-in person: read as them while their session lasts.
      const person = await this.sessions?.resolveId(verdict.sessionId);
      return person
        ? { caller: searchTokenCaller(person) }
        : {
            refusal: {
              status: 401,
              message: `the session of this search token: ${SESSION_REFUSED}`,
            },
          };
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
 * Two Authorization headers, or one holding two tokens (`Bearer a, Bearer b`, `Bearer a b`).
 * Node keeps only the first of repeated Authorization headers in `headers`; `rawHeaders` has all.
 */
function carriesSeveral(req: RequestWithCaller): boolean {
  const raw = req.rawHeaders ?? [];
  let headers = 0;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() === 'authorization') headers++;
  }
  if (headers > 1) return true;
  const value = req.headers.authorization;
  // Only HTTP's own blanks (space, tab) separate: any other byte may be part of a bad token.
  if (!value || !/^[ \t]*Bearer[ \t]/i.test(value)) return false;
  const tokens = value.split(/[ \t,]+/).filter((part) => part && !/^bearer$/i.test(part));
  return tokens.length > 1;
}

const REFUSAL_CODE: Record<CredentialRefusal['status'], string> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  // The engine holding the signing key is unreachable; not the caller's fault.
  503: 'SERVER_BUSY',
};

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
    else if (refusal.status === 401) res.set('WWW-Authenticate', 'Bearer');
    res.status(refusal.status).json({
      errors: [
        {
          message: refusal.message,
          extensions: { code: REFUSAL_CODE[refusal.status] },
        },
      ],
    });
  }
}
