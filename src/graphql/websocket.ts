import type { IncomingMessage } from 'node:http';
import { GraphQLError, parse, specifiedRules, validate } from 'graphql';
import type { Context as WsContext, ServerOptions } from 'graphql-ws';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import type { DataSource } from 'typeorm';
import { bearerToken } from '../auth/api-key.secret.js';
import { ANONYMOUS, type Caller } from '../auth/caller.js';
import { type ConversationGuests, looksLikeGuestLink } from '../auth/conversation-guests.js';
import { looksLikeSession, type PersonSessions } from '../auth/person-sessions.js';
import type { GraphQLErrorFormatter } from '../common/errors/graphql-error.formatter.js';
import type { Environment } from '../config/environment.js';
import { EdgeErrorCode } from '../edge/edge-errors.js';
import { queryLimitRules } from '../edge/query-limits.rule.js';
import type { RateLimits } from '../rate-limits/rate-limits.service.js';
import { createLoaders, type RequestContext } from './loaders.js';
import { socketClientIp } from './websocket-limits.js';

/** What a WebSocket connection keeps between its messages: its request and its caller. */
export interface SocketExtra {
  request: IncomingMessage;
  socket: { close(code: number, reason: string): void };
  caller?: Caller;
}

export type SocketContext = WsContext<Record<string, unknown> | undefined, SocketExtra>;

/**
 * Subscriptions over the `graphql-ws` protocol on the GraphQL path. The HTTP edge (src/edge) does
 * not see a WebSocket's messages, so this applies its rules itself: the caller is the session
 * token in the connection parameters (`{ authorization: 'Bearer kss_…' }`) or a conversation
 * link (`kcg_…`, a guest of one conversation): the only credentials a socket takes, as
 * subscriptions are about a participant. Anything else is refused with close code 4403; each operation is
 * held to the query length, token, depth and alias limits; errors are shaped by the same
 * formatter. No cookie is read, so a foreign page cannot ride a visitor's credentials (no origin
 * check needed). Connections per client IP and minute (WS_CONNECTION_LIMIT, in the rate limits'
 * store: close 4429) and subscriptions per socket (WS_MAX_SUBSCRIPTIONS) are bounded; the message
 * size is set on the server itself (websocket-limits.ts).
 */
export function graphqlWsOptions(
  env: Environment,
  sessions: PersonSessions,
  guests: ConversationGuests,
  formatError: GraphQLErrorFormatter,
  rateLimits: RateLimits,
): GraphQLWsSubscriptionsConfig {
  const limitRules = queryLimitRules({
    maxDepth: env.GRAPHQL_MAX_DEPTH,
    maxAliases: env.GRAPHQL_MAX_ALIASES,
  });
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((error) => formatError(error.toJSON(), error));
  const options: Partial<ServerOptions<Record<string, unknown> | undefined, SocketExtra>> = {
    onConnect: async (ctx: SocketContext) => {
      if (env.WS_CONNECTION_LIMIT > 0) {
        const ip = socketClientIp(ctx.extra.request, env.TRUST_PROXY_HOPS);
        // The store down with RATE_LIMIT_STORE_FAILURE=closed throws: refused, as on HTTP (503).
        const allowed = await rateLimits
          .hit(`ws:ip:${ip}`, env.WS_CONNECTION_LIMIT, 60_000)
          .then((decision) => decision.allowed)
          .catch(() => null);
        if (!allowed) {
          ctx.extra.socket.close(
            allowed === null ? 4503 : 4429,
            allowed === null ? 'Service unavailable: try again later' : 'Too many connections',
          );
          return false;
        }
      }
      const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
      if (header === undefined || header === null) {
        ctx.extra.caller = ANONYMOUS;
        return true;
      }
      const bearer = typeof header === 'string' ? bearerToken(header) : undefined;
      if (!bearer) return false;
      const caller = looksLikeSession(bearer)
        ? await sessions.resolve(bearer, ctx.extra.request.headers['user-agent'])
        : looksLikeGuestLink(bearer)
          ? await guests.resolve(bearer)
          : null;
      if (!caller) return false;
      ctx.extra.caller = caller;
      return true;
    },
    onSubscribe: (ctx: SocketContext, _id: string, payload: { query: string }) => {
      // graphql-ws has registered this one already: it counts.
      const open = Object.keys(ctx.subscriptions).length;
      if (open > env.WS_MAX_SUBSCRIPTIONS) {
        return [
          new GraphQLError(
            `At most ${env.WS_MAX_SUBSCRIPTIONS} subscriptions may be open on one connection.`,
            { extensions: { code: EdgeErrorCode.TOO_MANY_SUBSCRIPTIONS } },
          ),
        ];
      }
      const max = env.GRAPHQL_MAX_QUERY_LENGTH;
      if (typeof payload.query === 'string' && payload.query.length > max) {
        return [
          new GraphQLError(
            `Query text is ${payload.query.length} characters long; at most ${max} are allowed.`,
            {
              extensions: { code: EdgeErrorCode.QUERY_TOO_LARGE },
            },
          ),
        ];
      }
      try {
        parse(payload.query, { maxTokens: env.GRAPHQL_MAX_TOKENS });
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      return undefined;
    },
    validate: (schema, document) => validate(schema, document, [...specifiedRules, ...limitRules]),
    onError: (
      _ctx: SocketContext,
      _id: string,
      _payload: unknown,
      errors: readonly GraphQLError[],
    ) => format(errors),
    onNext: (_ctx: SocketContext, _id: string, _payload: unknown, _args: unknown, result) =>
      result.errors ? { ...result, errors: format(result.errors) } : undefined,
  };
  // Nest types only some of graphql-ws's options, and hands every key to useServer: `validate`
  // and `onError` arrive, and the socket's `extra` is SocketExtra (graphql-ws/use/ws).
  return options as GraphQLWsSubscriptionsConfig;
}

/** The GraphQL context of an operation on a socket, as `context` builds it for HTTP. */
export function socketContext(ctx: SocketContext, db: DataSource): RequestContext {
  const caller = ctx.extra.caller ?? ANONYMOUS;
  const request = ctx.extra.request;
  return {
    loaders: createLoaders(db, caller),
    caller,
    client: `ip:${request.socket.remoteAddress ?? 'unknown'}`,
    requestOrigin: `ws://${request.headers.host ?? ''}`,
    pageOrigin: request.headers.origin,
    userAgent: request.headers['user-agent'],
  };
}
