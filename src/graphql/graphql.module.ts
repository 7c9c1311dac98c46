import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { formatGraphQLError } from '../common/errors/graphql-error.formatter.js';
import { callerOf, type RequestWithCaller } from '../auth/caller.js';
import '../common/graphql/enums.js';
import { Environment } from '../config/environment.js';
import { GraphiqlAssetsController, offlineGraphiqlPlugin } from './graphiql.js';
import { createLoaders, type RequestContext } from './loaders.js';

export const GRAPHQL_PATH = '/graphql';

/** The Apollo server: schema built from the code, errors shaped in one place, loaders per request. */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [Environment, getDataSourceToken()],
      useFactory: (env: Environment, db: DataSource): ApolloDriverConfig => {
        const development = env.NODE_ENV !== 'production';
        return {
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          graphiql: false,
          playground: false,
          introspection: true,
          includeStacktraceInErrorResponses: development,
          formatError: (formatted, error) => formatGraphQLError(formatted, error, development),
          context: ({ req }: { req: RequestWithCaller }): RequestContext => ({
            loaders: createLoaders(db, callerOf(req)),
            caller: callerOf(req),
          }),
          plugins: development ? [offlineGraphiqlPlugin(GRAPHQL_PATH)] : [],
        };
      },
    }),
  ],
  controllers: [GraphiqlAssetsController],
})
export class KennerGraphQLModule {}
