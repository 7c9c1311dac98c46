import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { graphQLErrorFormatter } from '../common/errors/graphql-error.formatter.js';
import { callerOf, type RequestWithCaller } from '../auth/caller.js';
import './domain-enums.js';
import { Environment } from '../config/environment.js';
import { edgeApolloOptions } from '../edge/edge-apollo.options.js';
import { EDGE_ERROR_CODES } from '../edge/edge-errors.js';
import { rateLimitClient } from '../edge/rate-limiter.js';
import { GraphiqlAssetsController, offlineGraphiqlPlugin } from './graphiql.js';
import { createLoaders, type RequestContext } from './loaders.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { GuestLinksService } from '../conversations/guest-links.service.js';
import { PeopleModule } from '../people/people.module.js';
import { SessionsService } from '../people/sessions.service.js';
import { RateLimitsModule } from '../rate-limits/rate-limits.module.js';
import { RateLimits } from '../rate-limits/rate-limits.service.js';
import { WebSocketLimits } from './websocket-limits.js';
import { graphqlWsOptions, type SocketContext, socketContext } from './websocket.js';

export const GRAPHQL_PATH = '/graphql';

/**
 * The Apollo server: schema built from the code, errors shaped in one place, loaders per request;
 * limits, cost budgets, CSRF prevention and introspection policy come from the edge (src/edge).
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [PeopleModule, ConversationsModule, RateLimitsModule],
      inject: [Environment, getDataSourceToken(), SessionsService, GuestLinksService, RateLimits],
      useFactory: (
        env: Environment,
        db: DataSource,
        sessions: SessionsService,
        guests: GuestLinksService,
        rateLimits: RateLimits,
      ): ApolloDriverConfig => {
        const development = env.NODE_ENV !== 'production';
        const edge = edgeApolloOptions(env);
        const formatError = graphQLErrorFormatter(EDGE_ERROR_CODES, development);
        return {
          ...edge,
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: false,
          playground: false,
          includeStacktraceInErrorResponses: development,
          formatError,
          // Subscriptions: graphql-ws on the same path (websocket.ts applies the edge's rules).
          subscriptions: {
            'graphql-ws': graphqlWsOptions(env, sessions, guests, formatError, rateLimits),
          },
          context: (input: { req?: RequestWithCaller } | SocketContext): RequestContext => {
            if (!('req' in input) || !input.req) return socketContext(input as SocketContext, db);
            const req = input.req;
            const caller = callerOf(req);
            return {
              loaders: createLoaders(db, caller),
              caller,
              client: rateLimitClient(req).key,
              requestOrigin: `${req.protocol}://${req.host}`,
              pageOrigin: req.headers.origin,
              userAgent: req.headers['user-agent'],
            };
          },
          plugins: [...edge.plugins, ...(development ? [offlineGraphiqlPlugin(GRAPHQL_PATH)] : [])],
        };
      },
    }),
  ],
  controllers: [GraphiqlAssetsController],
  providers: [WebSocketLimits],
})
export class KennerGraphQLModule {}
