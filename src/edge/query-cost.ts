import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../common/pagination/connection.args.js';

/** Items a list is assumed to hold when nothing in the query says how many. */
export const DEFAULT_LIST_SIZE = 20;

/** Arguments (or fields of an input argument, like `input.hitsPerPage`) that size a page. */
const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last', 'limit', 'hitsPerPage']);

/** List arguments whose length is the size of the list returned (`nodes(ids:)`: one per id). */
const ONE_PER_ITEM_ARGUMENTS = new Set(['ids']);

/**
 * A static estimate of how many fields an operation may resolve, computed before it runs:
 *
 * - every field costs 1 each time it can be resolved;
 * - a list field multiplies what is selected inside it by its size: its own page-size argument
 *   (`first`, `last`, `limit`, `input.hitsPerPage`, or their schema default) or the number of
 *   ids it is asked for (`nodes(ids:)`), else the page size of the connection or search result
 *   it sits directly in (`experts(first: 10) { edges }`), else DEFAULT_LIST_SIZE. A size above MAX_PAGE_SIZE counts as MAX_PAGE_SIZE: every page-size
 *   argument is validated to at most that when the field runs, and that refusal names the
 *   argument, which helps the client more than a cost error would;
 * - a field of scalars costs 1, list or not;
 * - introspection and `__typename` cost nothing (introspection is bounded by the schema).
 *
 * Fields written twice are counted twice. Fragments are costed once per distinct (fragment,
 * inherited page size), so however a document nests its spreads it is costed in linear time.
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown> = {},
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  // Variables left out take the default their definition gives (`$first: Int = 50`).
  const values = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue) {
      values[name] = valueOf(definition.defaultValue, {});
    }
  }
  const cost = new CostEstimator(schema, fragments, values).selectionSet(
    operation.selectionSet,
    root,
    undefined,
  );
  // Nested lists multiply: keep an absurd estimate a number JSON still carries exactly.
  return Math.min(cost, Number.MAX_SAFE_INTEGER);
}

class CostEstimator {
  private readonly memo = new Map<string, number>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  /**
   * `pageSize`: announced by the enclosing connection or search result for its lists. `spread`:
   * fragments already collected for this selection set — like graphql-js, a fragment spread
   * twice into one selection set runs once.
   */
  selectionSet(
    set: SelectionSetNode,
    type: GraphQLNamedType,
    pageSize: number | undefined,
    spread: Set<string> = new Set(),
  ): number {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        total += this.field(selection, type, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        const inner = (condition && this.schema.getType(condition)) || type;
        total += this.selectionSet(selection.selectionSet, inner, pageSize, spread);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        total += this.spread(selection.name.value, pageSize);
      }
    }
    return total;
  }

  private spread(name: string, pageSize: number | undefined): number {
    const fragment = this.fragments.get(name);
    // Unknown or cyclic fragments are refused by validation, which has already run.
    if (!fragment || this.visiting.has(name)) return 0;
    const key = `${name}:${pageSize ?? ''}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const type = this.schema.getType(fragment.typeCondition.name.value);
    if (!type) return 0;
    this.visiting.add(name);
    const cost = this.selectionSet(fragment.selectionSet, type, pageSize);
    this.visiting.delete(name);
    this.memo.set(key, cost);
    return cost;
  }

  private field(node: FieldNode, parent: GraphQLNamedType, pageSize: number | undefined): number {
    if (node.name.value.startsWith('__')) return 0;
    const definition =
      isObjectType(parent) || isInterfaceType(parent)
        ? parent.getFields()[node.name.value]
        : undefined;
    if (!definition || !node.selectionSet) return 1;
    const own = pageSizeOf(definition, node, this.variables);
    const { named, list } = unwrap(definition.type);
    if (list) {
      const size = own ?? pageSize ?? DEFAULT_LIST_SIZE;
      return 1 + size * this.selectionSet(node.selectionSet, named, undefined);
    }
    return 1 + this.selectionSet(node.selectionSet, named, own);
  }
}

function unwrap(type: GraphQLType): { named: GraphQLNamedType; list: boolean } {
  let list = false;
  let current = type;
  while (isNonNullType(current) || isListType(current)) {
    if (isListType(current)) list = true;
    current = current.ofType;
  }
  return { named: current, list };
}

/** The largest page size the field is asked for, or undefined when nothing sizes it. */
function pageSizeOf(
  definition: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): number | undefined {
  let size: number | undefined;
  const consider = (value: unknown) => {
    if (typeof value === 'number' && Number.isFinite(value)) {
      const bounded = Math.min(MAX_PAGE_SIZE, Math.max(0, Math.floor(value)));
      size = Math.max(size ?? 0, bounded);
    }
  };
  for (const argument of definition.args) {
    const given = node.arguments?.find((a) => a.name.value === argument.name);
    const value = given ? valueOf(given.value, variables) : argument.defaultValue;
    if (PAGE_SIZE_ARGUMENTS.has(argument.name)) consider(value);
    else if (ONE_PER_ITEM_ARGUMENTS.has(argument.name)) {
      // A single value given for a list argument is a list of one (input coercion).
      consider(Array.isArray(value) ? value.length : value == null ? 0 : 1);
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (PAGE_SIZE_ARGUMENTS.has(key)) consider(inner);
      }
    }
  }
  return size;
}

/** Just enough of a literal to read numbers and input objects; anything else is unknown. */
function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.LIST) return node.values.map((v) => valueOf(v, variables));
  if (node.kind === Kind.OBJECT) {
    return Object.fromEntries(node.fields.map((f) => [f.name.value, valueOf(f.value, variables)]));
  }
  return undefined;
}
