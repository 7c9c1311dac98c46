import { Injectable } from '@nestjs/common';
import type { TokenSearchRules } from 'meilisearch';
import { type Caller, Role } from '../../auth/caller.js';
import { badInput, DomainError, ErrorCode } from '../../common/errors/domain-error.js';
import { Environment } from '../../config/environment.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { visibleInSearch } from '../experts/expert-visibility.filter.js';
import { EXPERTS_INDEX } from '../indexes/experts.index.js';
import { ORGANISATIONS_INDEX } from '../indexes/organisations.index.js';
import { TECHNOLOGIES_INDEX } from '../indexes/technologies.index.js';
import {
  DEFAULT_ANONYMOUS_TOKEN_SECONDS,
  DEFAULT_TOKEN_SECONDS,
  MAX_ANONYMOUS_TOKEN_SECONDS,
} from './dto/create-search-token.args.js';
import { SEARCH_PROXY_PATH } from '../proxy/search-proxy.controller.js';
import { SearchTokenKey } from './search-token-key.service.js';
import { SearchTokenLimits } from './search-token-limits.js';
import { signSearchToken } from './search-token.jwt.js';
import { SearchIndexName, type SearchToken } from './search-token.model.js';

const INDEX_OF: Record<SearchIndexName, string> = {
  [SearchIndexName.EXPERTS]: EXPERTS_INDEX,
  [SearchIndexName.ORGANISATIONS]: ORGANISATIONS_INDEX,
  [SearchIndexName.TECHNOLOGIES]: TECHNOLOGIES_INDEX,
};

/**
 * Tenant tokens for browsers: Meilisearch applies the token's search rules to every search, on
 * top of whatever filter the browser sends, so the experts index answers exactly what this
 * caller may see through the API. Organisation and technique documents hold public data only.
 */
@Injectable()
export class SearchTokensService {
  constructor(
    private readonly engine: SearchEngine,
    private readonly signingKey: SearchTokenKey,
    private readonly limits: SearchTokenLimits,
    private readonly env: Environment,
  ) {}

  /**
   * `indexes` and `expiresInSeconds` arrive bounded by CreateSearchTokenArgs; an anonymous caller
   * gets a shorter bound here. `requestOrigin` is where the request was sent, used as the host
   * when PUBLIC_URL is unset; `pageOrigin` is the calling page's, which a key must allow;
   * `client` is whom the anonymous minting limit counts (the IP).
   */
  async create(
    caller: Caller,
    indexes: SearchIndexName[],
    expiresIn: number | null | undefined,
    {
      requestOrigin,
      pageOrigin,
      client,
    }: { requestOrigin: string; pageOrigin?: string; client: string },
  ): Promise<SearchToken> {
    // A token that could mint tokens would outlive its expiry and its key's origin check.
    if (caller.searchToken) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        'a search token cannot mint search tokens: mint with the API key (server side), or without a credential',
      );
    }
    // A browser page minting with a key must be one of the key's origins (its own server sends no
    // Origin; Kenner's own pages, such as GraphiQL, are same-origin).
    if (
      caller.keyId &&
      pageOrigin !== undefined &&
      pageOrigin !== requestOrigin &&
      !caller.allowedOrigins.includes(pageOrigin)
    ) {
      throw new DomainError(
        ErrorCode.FORBIDDEN,
        "this API key does not allow the calling page's origin (see its allowedOrigins)",
      );
    }
    const anonymous = caller.role === Role.ANONYMOUS;
    const expiresInSeconds =
      expiresIn ?? (anonymous ? DEFAULT_ANONYMOUS_TOKEN_SECONDS : DEFAULT_TOKEN_SECONDS);
    if (anonymous && expiresInSeconds > MAX_ANONYMOUS_TOKEN_SECONDS) {
      throw badInput(
        'expiresInSeconds',
        `must be between 1 and ${MAX_ANONYMOUS_TOKEN_SECONDS} (1 hour) without an API key`,
      );
    }
    if (anonymous) await this.limits.count(client);
    const uids = [...new Set(indexes)].map((i) => this.engine.index(INDEX_OF[i]));
    const expertsUid = this.engine.index(EXPERTS_INDEX);
    const expertFilter = visibleInSearch(caller);
    const searchRules: TokenSearchRules = Object.fromEntries(
      uids.map((uid) => [
        uid,
        uid === expertsUid && expertFilter.length ? { filter: expertFilter.join(' AND ') } : null,
      ]),
    );
    const key = await this.signingKey.key();
    const exp = Math.floor(Date.now() / 1000) + expiresInSeconds;
    // `kenner.key` lets GraphQL accept the token as the key's (read-only) credential; a person's
    // token names their session instead, so signing out ends the token's reads too.
    const token = signSearchToken(key, {
      searchRules,
      apiKeyUid: key.uid,
      exp,
      kenner: caller.sessionId
        ? { key: caller.keyId, session: caller.sessionId }
        : { key: caller.keyId },
    });
    const expiresAt = new Date(exp * 1000);
    return { host: this.host(requestOrigin), token, indexes: uids, expiresAt };
  }

  /**
   * Kenner's own search route, which survives restarts and needs no public engine;
   * MEILI_PUBLIC_HOST when the operator publishes Meilisearch some other way.
   */
  private host(requestOrigin: string): string {
    return (
      this.env.MEILI_PUBLIC_HOST ?? `${this.env.PUBLIC_URL ?? requestOrigin}${SEARCH_PROXY_PATH}`
    );
  }
}
