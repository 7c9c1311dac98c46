import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Environment } from '../config/environment.js';
import { clientErrorStatusPlugin } from './client-error-status.plugin.js';
import { queryCostPlugin } from './query-cost.plugin.js';
import { queryLimitRules } from './query-limits.rule.js';

/** Is introspection answered? Unset: yes, except in production. */
export const introspectionEnabled = (env: Environment): boolean =>
  env.GRAPHQL_INTROSPECTION ?? env.NODE_ENV !== 'production';

/**
 * What the edge adds to Apollo's configuration: limits checked before anything executes, CSRF
 * prevention, and no schema hints for strangers in production.
 */
export function edgeApolloOptions(env: Environment) {
  const production = env.NODE_ENV === 'production';
  return {
    // Refuses GETs and "simple" POSTs (form or text/plain bodies, which a foreign page can send
    // without a preflight) unless they carry `apollo-require-preflight` or
    // `x-apollo-operation-name`. JSON POSTs, as sent by GraphiQL and every client, pass.
    csrfPrevention: true,
    introspection: introspectionEnabled(env),
    // Drops "Did you mean …?" from validation errors; the error formatter also drops it from
    // variable errors, which this option does not reach.
    hideSchemaDetailsFromClientErrors: production,
    // The lexer stops at this many tokens: parse and validation time stay bounded.
    parseOptions: { maxTokens: env.GRAPHQL_MAX_TOKENS },
    validationRules: queryLimitRules({
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
    }),
    plugins: [
      queryCostPlugin({ anonymous: env.GRAPHQL_COST_ANONYMOUS, keyed: env.GRAPHQL_COST_KEYED }),
      clientErrorStatusPlugin(),
      // Kenner sets no cache hints; Apollo's default cache-control plugin would still wrap every
      // field resolver to collect them (about 4% of a search's CPU in the bench's profile).
      ApolloServerPluginCacheControlDisabled(),
    ],
    // Nest would reset every executed operation to 200; clientErrorStatusPlugin decides instead.
    preserveHttpStatusForExecutionErrors: false,
  } satisfies ApolloDriverConfig;
}
