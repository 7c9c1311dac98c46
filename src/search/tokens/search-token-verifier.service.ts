import { Injectable, Logger } from '@nestjs/common';
import type {
  SearchTokenCredentials,
  SearchTokenVerdict,
} from '../../auth/search-token-credentials.js';
import { SearchTokenKey } from './search-token-key.service.js';
import {
  checkSearchToken,
  kennerClaim,
  looksLikeJwt,
  type TokenCheck,
  TokenProblem,
} from './search-token.jwt.js';

/** What a caller is told about a refused token: enough to know what to do, nothing more. */
export const TOKEN_PROBLEM_MESSAGE: Readonly<Record<TokenProblem, string>> = {
  [TokenProblem.MALFORMED]: 'the search token is malformed: send a token from createSearchToken',
  [TokenProblem.ALGORITHM]: 'the search token must be signed with HS256',
  [TokenProblem.FOREIGN_KEY]:
    "the search token was not signed by this deployment's current search-token key (rotated, or another deployment's): mint a new one",
  [TokenProblem.SIGNATURE]: "the search token's signature is invalid",
  [TokenProblem.EXPIRED]: 'the search token expired: mint a new one',
};

/**
 * Checks Kenner search tokens without Meilisearch's help: the /search proxy before it forwards
 * one, and the caller middleware (through the SearchTokenCredentials seam) when one is sent to
 * GraphQL. Only tokens signed with the current signing key and not yet expired pass; the signing
 * key is read through SearchTokenKey, which caches it.
 */
@Injectable()
export class SearchTokenVerifier implements SearchTokenCredentials {
  private readonly logger = new Logger('SearchTokens');

  constructor(private readonly signingKey: SearchTokenKey) {}

  /** Rejects when the engine cannot be asked for the signing key (the caller answers 503). */
  async check(token: string): Promise<TokenCheck> {
    if (!looksLikeJwt(token)) return { ok: false, problem: TokenProblem.MALFORMED };
    return checkSearchToken(token, await this.signingKey.key());
  }

  /**
   * For GraphQL: a token must also carry Kenner's claim (tokens minted before it existed work on
   * /search only, until they expire).
   */
  async verify(bearer: string): Promise<SearchTokenVerdict | undefined> {
    if (!looksLikeJwt(bearer)) return undefined;
    let check: TokenCheck;
    try {
      check = await this.check(bearer);
    } catch (error) {
      this.logger.warn(`the search-token key could not be read: ${String(error)}`);
      return {
        valid: false,
        unavailable: true,
        message: 'search tokens cannot be checked right now (the search engine is unreachable)',
      };
    }
    if (!check.ok) return { valid: false, message: TOKEN_PROBLEM_MESSAGE[check.problem] };
    const claim = kennerClaim(check.payload);
    if (!claim) {
      return {
        valid: false,
        message:
          'the search token carries no Kenner claim (minted by an older version): mint a new one',
      };
    }
    return claim.session
      ? { valid: true, keyId: claim.key, sessionId: claim.session }
      : { valid: true, keyId: claim.key };
  }
}
