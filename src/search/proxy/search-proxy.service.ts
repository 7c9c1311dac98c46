import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  PERSON_SESSIONS,
  type PersonSessions,
  SESSION_REFUSED,
} from '../../auth/person-sessions.js';
import { ApiKeysService } from '../../auth/api-keys.service.js';
import { Environment } from '../../config/environment.js';
import { SearchEngine } from '../engine/search-engine.service.js';
import { SEARCH_INDEXES } from '../indexes/search-indexes.js';
import {
  SearchTokenVerifier,
  TOKEN_PROBLEM_MESSAGE,
} from '../tokens/search-token-verifier.service.js';
import { type EngineAnswer, FacetSearch } from './facet-search.service.js';
import { isObject, refuse, ProxyRefusal } from './proxy-refusal.js';
import { kennerClaim } from '../tokens/search-token.jwt.js';

/** How long the engine may take to answer one search before the caller gets a 503. */
const ENGINE_TIMEOUT_MS = 10_000;

/**
 * Forwards one search to the engine with the browser's tenant token, after checking what Kenner
 * can check itself: the token is an unexpired JWT signed by Kenner's search-token key (never the
 * master key or any other key; SearchTokenVerifier), the body is JSON within BODY_LIMIT_KB, and
 * every index it names is one of this deployment's, and a token minted in a person's session or
 * with an API key only while that session lasts or that key is active. The engine then applies
 * the token's search rules, so a filter sent by the browser only narrows. Engine answers keep
 * their status; an unreachable engine is a 503 `search_unavailable`.
 */
@Injectable()
export class SearchProxy {
  private readonly logger = new Logger('SearchProxy');

  constructor(
    private readonly engine: SearchEngine,
    private readonly verifier: SearchTokenVerifier,
    private readonly env: Environment,
    private readonly facets: FacetSearch,
    private readonly keys: ApiKeysService,
    @Optional()
    @Inject(PERSON_SESSIONS)
    private readonly sessions?: PersonSessions,
  ) {}

  async forward(
    req: Request,
    res: Response,
    target: { index: string; facetSearch?: true } | { multi: true },
  ): Promise<void> {
    try {
      const token = this.bearer(req);
      const body = await this.readJson(req);
      if ('index' in target) {
        this.checkIndex(target.index);
      } else {
        this.checkQueries(body);
      }
      await this.checkSignature(token);
      if ('index' in target && target.facetSearch) {
        const query = this.facets.parse(body);
        const search = (path: string, searchBody: unknown) => this.search(path, token, searchBody);
        const answer = await this.facets.answer(target.index, query, search);
        this.reply(res, answer);
        return;
      }
      const path = 'index' in target ? `indexes/${target.index}/search` : 'multi-search';
      this.reply(res, await this.search(path, token, body));
    } catch (error) {
      if (!(error instanceof ProxyRefusal)) throw error;
      res.status(error.status).json({
        message: error.message,
        code: error.code,
        type: error.status >= 500 ? 'system' : error.status === 401 ? 'auth' : 'invalid_request',
      });
    }
  }

  private bearer(req: Request): string {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1]) {
      return refuse(401, 'missing_search_token', 'Send a search token as Authorization: Bearer.');
    }
    return match[1];
  }

  /**
   * Only unexpired tokens signed by this deployment's current search-token key, of a person's
   * session only while it lasts, and of an API key only while it is active.
   */
  private async checkSignature(token: string): Promise<void> {
    const check = await this.engineCall(() => this.verifier.check(token));
    if (!check.ok) {
      // Kenner's own message (expired, rotated, forged…) after the code clients already know.
      return refuse(
        401,
        'invalid_search_token',
        `Only search tokens from createSearchToken are accepted: ${TOKEN_PROBLEM_MESSAGE[check.problem]}.`,
      );
    }
    const claim = kennerClaim(check.payload);
    // A person's token lasts no longer than their session: signing out ends its searches too.
    if (claim?.session && !(await this.sessions?.resolveId(claim.session))) {
      refuse(
        401,
        'invalid_search_token',
        `The session that minted this search token: ${SESSION_REFUSED}.`,
      );
    }
    // A key's tokens carry its search rules (a staff key's: every expert), so revoking the key
    // must end them at once, as on GraphQL, not when they expire.
    if (claim?.key && !(await this.keys.resolveId(claim.key))) {
      refuse(
        401,
        'invalid_search_token',
        'The API key that minted this search token is unknown or revoked.',
      );
    }
  }

  private indexUids(): Set<string> {
    return new Set(Object.keys(SEARCH_INDEXES).map((name) => this.engine.index(name)));
  }

  private checkIndex(uid: unknown): void {
    if (typeof uid !== 'string' || !this.indexUids().has(uid)) {
      refuse(404, 'index_not_found', `Index \`${String(uid)}\` is not searchable here.`);
    }
  }

  private checkQueries(body: unknown): void {
    const queries = isObject(body) ? body.queries : undefined;
    if (!Array.isArray(queries) || queries.length === 0) {
      refuse(400, 'invalid_multi_search', '`queries` must be a non-empty array.');
    }
    for (const query of queries as unknown[]) {
      if (!isObject(query)) refuse(400, 'invalid_multi_search', 'each query must be an object.');
      this.checkIndex((query as Record<string, unknown>).indexUid);
    }
  }

  /** The body, read here within BODY_LIMIT_KB (the app has no global body parser). */
  private async readJson(req: Request): Promise<unknown> {
    const limit = this.env.BODY_LIMIT_KB * 1024;
    const declared = Number(req.headers['content-length']);
    const tooLarge = () => {
      req.resume(); // drain the rest unread, so the answer reaches the client
      refuse(
        413,
        'payload_too_large',
        `Request body is larger than ${this.env.BODY_LIMIT_KB} KiB.`,
      );
    };
    if (declared > limit) tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) tooLarge();
      chunks.push(chunk);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    try {
      const body: unknown = JSON.parse(text);
      if (isObject(body)) return body;
    } catch {
      // answered below
    }
    return refuse(400, 'malformed_payload', 'The request body must be a JSON object.');
  }

  /** One call to the engine's search routes with the browser's token; a 5xx becomes a 503. */
  private async search(path: string, token: string, body: unknown): Promise<EngineAnswer> {
    const answer = await this.engineCall(() =>
      fetch(`${this.engine.client.config.host.replace(/\/+$/, '')}/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(ENGINE_TIMEOUT_MS),
      }),
    );
    const text = await this.engineCall(() => answer.text());
    if (answer.status >= 500) {
      this.logger.warn(`the engine answered ${answer.status} to a search`);
      refuse(503, 'search_unavailable', 'Search is unavailable; try again shortly.');
    }
    return {
      status: answer.status,
      type: answer.headers.get('content-type') ?? 'application/json',
      text,
    };
  }

  private reply(res: Response, answer: EngineAnswer): void {
    res.status(answer.status).type(answer.type).send(answer.text);
  }

  /** An engine that cannot be reached is a 503 for the caller, never a 500. */
  private async engineCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.logger.warn(`the engine could not be reached: ${String(error)}`);
      return refuse(503, 'search_unavailable', 'Search is unavailable; try again shortly.');
    }
  }
}
