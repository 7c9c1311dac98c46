import type { ApolloServerPlugin } from '@apollo/server';
import { type FragmentDefinitionNode, Kind } from 'graphql';
import { usesApiKey } from '../auth/caller.js';
import type { RequestContext } from '../graphql/loaders.js';
import { EdgeErrorCode, edgeGraphQLError } from './edge-errors.js';
import { estimateCost } from './query-cost.js';

export interface CostBudgets {
  /** For callers without an API key (anonymous, or with a search token). */
  anonymous: number;
  /** For callers with one (partners, staff). */
  keyed: number;
}

export interface CostReport {
  requested: number;
  budget: number;
}

/**
 * Costs each operation once it is parsed, validated and chosen, before it runs (this needs the
 * variables and the caller, which validation rules do not see). Over budget: a 400 with
 * QUERY_TOO_COSTLY, nothing executed. Every response then carries `extensions.cost`.
 */
export function queryCostPlugin(budgets: CostBudgets): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let report: CostReport | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) {
              fragments.set(definition.name.value, definition);
            }
          }
          const requested = estimateCost(schema, operation, fragments, request.variables);
          // A search token's budget is the anonymous one: it is used from visitors' browsers.
          const anonymous = !usesApiKey(contextValue.caller);
          const budget = anonymous ? budgets.anonymous : budgets.keyed;
          report = { requested, budget };
          if (requested > budget) {
            const hint = anonymous ? '; an API key has a larger budget' : '';
            throw edgeGraphQLError(
              EdgeErrorCode.QUERY_TOO_COSTLY,
              `Query cost ${requested} exceeds the budget of ${budget}: ask for smaller pages ` +
                `(first, last, limit, hitsPerPage) or fewer nested lists${hint}.`,
              { cost: report },
            );
          }
        },
        async willSendResponse({ response }) {
          if (report && response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, cost: report };
          }
        },
      };
    },
  };
}
