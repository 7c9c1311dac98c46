import { Injectable } from '@nestjs/common';
import type { TokenSearchRules } from 'meilisearch';
import { generateTenantToken } from 'meilisearch/token';
import type { Caller } from '../../auth/caller.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { visibleInSearch } from '../experts/expert-visibility.filter.js';
import { EXPERTS_INDEX } from '../indexes/experts.index.js';
import { ORGANISATIONS_INDEX } from '../indexes/organisations.index.js';
import { TECHNOLOGIES_INDEX } from '../indexes/technologies.index.js';
import { SearchTokenKey } from './search-token-key.service.js';
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
  ) {}

  /** `indexes` and `expiresInSeconds` arrive bounded by CreateSearchTokenArgs. */
  async create(
    caller: Caller,
    indexes: SearchIndexName[],
    expiresInSeconds: number,
  ): Promise<SearchToken> {
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
    const expiresAt = new Date(Date.now() + expiresInSeconds * 1000);
    const token = await generateTenantToken({
      apiKey: key.key,
      apiKeyUid: key.uid,
      searchRules,
      expiresAt,
      force: true, // this is the server, where generating tokens is meant to happen
    });
    return { host: this.engine.publicHost, token, indexes: uids, expiresAt };
  }
}
