import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express } from 'express';
import { Environment } from '../config/environment.js';
import { GRAPHQL_PATH } from '../graphql/graphql.module.js';
import { ApiKeysService } from '../auth/api-keys.service.js';
import { AuthModule } from '../auth/auth.module.js';
import { CallerMiddleware, RefusedCredentialMiddleware } from '../auth/caller.middleware.js';
import { CONVERSATION_GUESTS } from '../auth/conversation-guests.js';
import { PERSON_SESSIONS } from '../auth/person-sessions.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { GuestLinksService } from '../conversations/guest-links.service.js';
import { SEARCH_TOKEN_CREDENTIALS } from '../auth/search-token-credentials.js';
import { PeopleModule } from '../people/people.module.js';
import { SessionsService } from '../people/sessions.service.js';
import { CorsMiddleware, KEY_ORIGINS, type KeyOrigins } from './cors.middleware.js';
import { GraphQLBodyMiddleware } from './graphql-body.middleware.js';
import { HttpDrain, HttpDrainMiddleware } from './http-drain.js';
import { RateLimitMiddleware } from './rate-limit.middleware.js';
import { RequestGate } from './request-gate.js';
import { RequestGateMiddleware } from './request-gate.middleware.js';
import { SchemaSdlController } from './schema-sdl.controller.js';
import { SearchCorsMiddleware } from './search-cors.middleware.js';
import { SEARCH_PROXY_PATH } from '../search/proxy/search-proxy.controller.js';
import { EMBED_PATH } from '../embed/embed.controller.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { SearchModule } from '../search/search.module.js';
import { SearchTokenVerifier } from '../search/tokens/search-token-verifier.service.js';

const EVERY_ROUTE = { path: '*path', method: RequestMethod.ALL };
/** The search proxy: its bearer is a search token, not an API key, and its CORS is its own. */
const SEARCH_ROUTES = { path: `${SEARCH_PROXY_PATH.slice(1)}/{*path}`, method: RequestMethod.ALL };
/** The widget's static files: public code for any page, answered with their own CORS header. */
const EMBED_ROUTES = { path: `${EMBED_PATH}/{*path}`, method: RequestMethod.ALL };
const HEALTH = { path: 'health', method: RequestMethod.ALL };

/**
 * The HTTP edge in front of every route, in the one place its order is decided. Apollo's own
 * limits (depth, aliases, tokens, cost, CSRF) are in edge-apollo.options.ts.
 *
 * The app must be created with `bodyParser: false` (serve.ts, test/support/test-app.ts): bodies are
 * read last, so refused requests are never parsed.
 */
@Module({
  // The first step (who is calling) and CORS read the API keys; search tokens are checked by the
  // search module, which holds their signing key; session tokens by the people module, conversation
  // links by the conversations module. Requests
  // are counted in the rate limits' store.
  imports: [AuthModule, SearchModule, PeopleModule, RateLimitsModule, ConversationsModule],
  controllers: [SchemaSdlController],
  providers: [
    RequestGate,
    HttpDrain,
    {
      provide: KEY_ORIGINS,
      inject: [ApiKeysService],
      useFactory: (keys: ApiKeysService): KeyOrigins => ({
        allows: (origin) => keys.someKeyAllows(origin),
      }),
    },
    { provide: SEARCH_TOKEN_CREDENTIALS, useExisting: SearchTokenVerifier },
    { provide: PERSON_SESSIONS, useExisting: SessionsService },
    { provide: CONVERSATION_GUESTS, useExisting: GuestLinksService },
  ],
  exports: [RequestGate, HttpDrain],
})
export class EdgeModule implements NestModule {
  constructor(
    private readonly env: Environment,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    // Who the client is (req.ip) — only as far as the proxies we were told to trust say.
    this.adapterHost.httpAdapter
      .getInstance<Express>()
      .set('trust proxy', this.env.TRUST_PROXY_HOPS);

    // Request by request, each step runs before the next:
    //
    // 0. Counted in flight, so a shutdown lets it finish; refused (503) once a shutdown began.
    consumer.apply(HttpDrainMiddleware).forRoutes(EVERY_ROUTE);
    // 1. Who is calling: the API key, search token or session (Authorization: Bearer) becomes req.caller,
    //    read by everything below through callerOf(req). It needs no body. A refused credential
    //    is anonymous until step 3 has counted it.
    //    The search proxy's callers are anonymous here: their bearer is a search token, which
    //    the proxy checks itself (src/search/proxy).
    consumer
      .apply(CallerMiddleware)
      .exclude(HEALTH, SEARCH_ROUTES, EMBED_ROUTES) // no key lookup
      .forRoutes(EVERY_ROUTE);
    //
    // 2. CORS reads the caller's allowed origins. It answers preflights itself, and runs before
    //    the rate limit so a 429 still carries CORS headers a page can read. The search proxy is
    //    open to any page unless CORS_ORIGINS restricts it (search-cors.middleware.ts).
    consumer.apply(CorsMiddleware).exclude(SEARCH_ROUTES, EMBED_ROUTES).forRoutes(EVERY_ROUTE);
    consumer.apply(SearchCorsMiddleware).forRoutes(SEARCH_ROUTES);
    // 3. Rate limit per API key, else per IP. Health checks (load balancers, compose) and the
    //    widget's script (cached by browsers and CDNs, one per page view) are exempt.
    consumer.apply(RateLimitMiddleware).exclude(HEALTH, EMBED_ROUTES).forRoutes(EVERY_ROUTE);
    //    A request with a refused credential was counted there as anonymous; it stops here.
    consumer
      .apply(RefusedCredentialMiddleware)
      .exclude(HEALTH, EMBED_ROUTES)
      .forRoutes(EVERY_ROUTE);
    // 4. Only now is a GraphQL body read, within its size limit.
    consumer
      .apply(GraphQLBodyMiddleware)
      .forRoutes({ path: GRAPHQL_PATH, method: RequestMethod.ALL });
    // 5. Then it waits its turn to execute: only GRAPHQL_MAX_IN_FLIGHT run at once (request-gate.ts).
    //    Its body is already read, so a slow client never holds a place.
    consumer
      .apply(RequestGateMiddleware)
      .forRoutes({ path: GRAPHQL_PATH, method: RequestMethod.ALL });
  }
}
