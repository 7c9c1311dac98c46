import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  Kind,
  MaxIntrospectionDepthRule,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { EdgeErrorCode, edgeGraphQLError } from './edge-errors.js';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
}

/**
 * Fields below `__schema` / `__type` are not counted: the standard introspection query that
 * GraphiQL sends is deeper than any data query needs, and graphql-js's own
 * MaxIntrospectionDepthRule (added next to these rules) bounds its cycles.
 */
const isIntrospection = (name: string): boolean => name === '__schema' || name === '__type';

/** Nesting of fields, following fragments; each fragment is measured once (memo). */
function depthOf(
  set: SelectionSetNode,
  fragment: (name: string) => FragmentDefinitionNode | undefined | null,
  memo: Map<string, number>,
  visiting: Set<string>,
): number {
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      if (isIntrospection(selection.name.value)) continue;
      const below = selection.selectionSet
        ? depthOf(selection.selectionSet, fragment, memo, visiting)
        : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragment, memo, visiting));
    } else {
      const name = selection.name.value;
      const definition = fragment(name);
      // A cycle is reported by NoFragmentCyclesRule; here it just stops the walk.
      if (!definition || visiting.has(name)) continue;
      if (!memo.has(name)) {
        visiting.add(name);
        memo.set(name, depthOf(definition.selectionSet, fragment, memo, visiting));
        visiting.delete(name);
      }
      deepest = Math.max(deepest, memo.get(name) ?? 0);
    }
  }
  return deepest;
}

/** Refuses operations nested deeper than `max` levels of fields. */
export const maxDepthRule =
  (max: number): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    const memo = new Map<string, number>();
    const fragment = (name: string) => context.getFragment(name);
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, fragment, memo, new Set());
        if (depth > max) {
          const error = edgeGraphQLError(
            EdgeErrorCode.QUERY_TOO_DEEP,
            `Query is ${depth} levels deep; at most ${max} are allowed.`,
            { depth, maxDepth: max },
          );
          context.reportError(error);
        }
        return false;
      },
    };
  };

/**
 * Refuses documents with more than `max` aliases, counted as written. Aliases are how one
 * request asks for the same expensive field many times, and they make validation quadratic.
 */
export const maxAliasesRule =
  (max: number): ValidationRule =>
  (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases > max) {
            context.reportError(
              edgeGraphQLError(
                EdgeErrorCode.TOO_MANY_ALIASES,
                `Query uses ${aliases} aliases; at most ${max} are allowed.`,
                { aliases, maxAliases: max },
              ),
            );
          }
        },
      },
    };
  };

/** The validation rules Apollo adds to graphql-js's specified ones. */
export const queryLimitRules = (limits: QueryLimits): ValidationRule[] => [
  maxDepthRule(limits.maxDepth),
  maxAliasesRule(limits.maxAliases),
  MaxIntrospectionDepthRule,
];
