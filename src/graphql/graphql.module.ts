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

export const GRAPHQL_PATH = '/graphql';

/**
 * The Apollo server: schema built from the code, errors shaped in one place, loaders per request;
 * limits, cost budgets, CSRF prevention and introspection policy come from the edge (src/edge).
 */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [Environment, getDataSourceToken()],
      useFactory: (env: Environment, db: DataSource): ApolloDriverConfig => {
        const development = env.NODE_ENV !== 'production';
        const edge = edgeApolloOptions(env);
        return {
          ...edge,
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: false,
          playground: false,
          includeStacktraceInErrorResponses: development,
          formatError: graphQLErrorFormatter(EDGE_ERROR_CODES, development),
          context: ({ req }: { req: RequestWithCaller }): RequestContext => {
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
})
export class KennerGraphQLModule {}
