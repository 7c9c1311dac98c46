import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import {
  buildSchema,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { SCHEMA_FILE } from '../../src/graphql/print-schema.js';
import { DEFAULT_LIST_SIZE, estimateCost } from '../../src/edge/query-cost.js';

// The committed schema is the API the estimate runs against in production.
const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
    if (definition.kind === Kind.OPERATION_DEFINITION) operation ??= definition;
  }
  if (!operation) throw new Error('no operation');
  return estimateCost(schema, operation, fragments, variables);
}

describe('query cost estimate', () => {
  it('counts each field once, and scalars and __typename as written', () => {
    expect(cost('{ cluster(slug: "x") { name slug __typename } }')).toBe(3);
  });

  it("multiplies a connection's edges by its page size", () => {
    // experts 1 + totalCount 1 + edges (1 + 10 × (node 1 + name 1))
    expect(cost('{ experts(first: 10) { totalCount edges { node { name } } } }')).toBe(23);
    expect(cost('{ experts(last: 4) { edges { node { name } } } }')).toBe(1 + 1 + 4 * 2);
  });

  it('assumes 20 items where nothing sizes a list', () => {
    expect(DEFAULT_LIST_SIZE).toBe(20);
    expect(cost('{ experts { edges { node { name } } } }')).toBe(1 + 1 + 20 * 2);
    // skills has no size argument: 20 per expert
    expect(cost('{ experts(first: 2) { edges { node { skills { level } } } } }')).toBe(
      1 + 1 + 2 * (1 + 1 + 20 * 1),
    );
  });

  it('reads page sizes from variables, variable defaults, input objects and schema defaults', () => {
    const q = 'query($n: Int) { experts(first: $n) { edges { node { name } } } }';
    expect(cost(q, { n: 5 })).toBe(1 + 1 + 5 * 2);
    expect(cost('query($n: Int = 3) { experts(first: $n) { edges { cursor } } }')).toBe(1 + 1 + 3);
    const search =
      'query($i: ExpertSearchInput!) { searchExperts(input: $i) { hits { expert { name } } } }';
    expect(cost(search, { i: { hitsPerPage: 7 } })).toBe(1 + 1 + 7 * 2);
    expect(cost('{ searchExperts(input: { hitsPerPage: 7 }) { hits { distanceKm } } }')).toBe(
      1 + 1 + 7,
    );
    // facetValues(limit: Int! = 10)
    expect(cost('{ facetValues(facet: COUNTRY) { value } }')).toBe(1 + 10);
  });

  it('counts a size above the validated maximum (100) as 100: validation refuses it by name', () => {
    expect(cost('{ searchExperts(input: { hitsPerPage: 10000 }) { hits { distanceKm } } }')).toBe(
      1 + 1 + 100,
    );
  });

  it('sizes nodes(ids:) by the number of ids, from a literal or a variable', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`);
    // nodes 1 + per id: __typename 0 + skills (1 + 20 × level 1)
    const q =
      'query($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Expert { skills { level } } } }';
    expect(cost(q, { ids: ids(1) })).toBe(1 + 21);
    expect(cost(q, { ids: ids(100) })).toBe(1 + 100 * 21);
    expect(cost(q, { ids: ids(1000) })).toBe(1 + 100 * 21); // validation refuses more than 100
    expect(cost(q, { ids: 'one' })).toBe(1 + 21); // a single value is a list of one
    expect(cost(`{ nodes(ids: ["a", "b", "c"]) { id } }`)).toBe(1 + 3);
    expect(cost(`{ nodes(ids: []) { id } }`)).toBe(1);
  });

  it('multiplies nested lists', () => {
    const q = `{ experts(first: 100) { edges { node {
      organisation { experts(first: 100) { edges { node { name } } } } } } } }`;
    expect(cost(q)).toBe(1 + 1 + 100 * (1 + 1 + 1 + 1 + 100 * 2));
  });

  it('follows fragments and inline fragments, and ignores introspection', () => {
    const q = `query { node(id: "x") { ... on Expert { name skills { level } } ...Org } __schema { types { name } } }
      fragment Org on Organisation { name instruments { name } }`;
    expect(cost(q)).toBe(1 + (1 + 1 + 20) + (1 + 1 + 20));
  });

  it('costs a spread once per selection set, as execution does, so fragment bombs stay small', () => {
    let fragments = '';
    for (let i = 0; i < 60; i++) {
      fragments += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} experts { totalCount } }\n`;
    }
    fragments += 'fragment F60 on Query { __typename }';
    expect(cost(`{ ...F0 }\n${fragments}`)).toBe(60 * 2);
  });

  it('costs the same fragment under many fields once per field, in linear time', () => {
    let fragments = '';
    for (let i = 0; i < 40; i++) {
      fragments += `fragment E${i} on Expert { organisation { experts(first: 2) { edges { node { ...E${i + 1} } } } } }\n`;
    }
    fragments += 'fragment E40 on Expert { name }';
    // Each level doubles the experts: 2^40 leaves, far over any budget, costed without expanding.
    expect(
      cost(`{ experts(first: 2) { edges { node { ...E0 } } } }\n${fragments}`),
    ).toBeGreaterThan(2 ** 40);
  });
});
