import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * Whether the request reads `path` below the resolved field (`['hits', 'matchedTechnologies']`),
 * through any fragments: for work worth skipping when nobody reads its result.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => within(node.selectionSet, path, info));
}

function within(
  set: SelectionSetNode | undefined,
  path: readonly string[],
  info: GraphQLResolveInfo,
): boolean {
  const [head, ...rest] = path;
  if (!set || head === undefined) return head === undefined;
  return set.selections.some((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return selection.name.value === head && (rest.length === 0 || below(selection, rest, info));
      case Kind.INLINE_FRAGMENT:
        return within(selection.selectionSet, path, info);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = info.fragments[selection.name.value];
        return fragment ? within(fragment.selectionSet, path, info) : false;
      }
    }
  });
}

const below = (field: FieldNode, rest: readonly string[], info: GraphQLResolveInfo) =>
  within(field.selectionSet, rest, info);
