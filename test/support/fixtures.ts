import type { TestApp } from './test-app.js';

/** Anything that answers GraphQL: an in-process test app, or a client of a running process. */
export type GraphQLClient = Pick<TestApp, 'gql'>;

/** Small, explicit reference data for tests that must not depend on the demo generator. */
export async function createBasics(t: GraphQLClient) {
  const cluster = await must(
    t,
    `mutation { createCluster(input: { name: "Test cluster", slug: "test-cluster" }) { id } }`,
    'createCluster',
  );
  const org = await must(
    t,
    `mutation($c: ID!) { createOrganisation(input: { name: "Materials Lab", type: TESTING_LAB, country: "lu", city: "Esch-sur-Alzette", latitude: 49.5, longitude: 5.98, clusterIds: [$c] }) { id country } }`,
    'createOrganisation',
    { c: cluster.id },
  );
  const root = await must(
    t,
    `mutation { createTechnology(input: { name: "Diffraction", slug: "diffraction" }) { id } }`,
    'createTechnology',
  );
  const xrd = await must(
    t,
    `mutation($p: ID!) { createTechnology(input: { name: "X-ray diffraction", slug: "xrd", acronyms: ["XRD", "DRX"], nameFr: "Diffraction des rayons X", nameDe: "Röntgenbeugung", parentId: $p }) { id } }`,
    'createTechnology',
    { p: root.id },
  );
  const material = await must(
    t,
    `mutation { createMaterial(input: { slug: "steel", name: "Steel", nameFr: "Acier" }) { id } }`,
    'createMaterial',
  );
  const sector = await must(
    t,
    `mutation { createSector(input: { slug: "automotive", name: "Automotive" }) { id } }`,
    'createSector',
  );
  return { cluster, org, root, xrd, material, sector } as Record<
    'cluster' | 'org' | 'root' | 'xrd' | 'material' | 'sector',
    { id: string }
  >;
}

/** Runs a mutation that must succeed and returns its payload. */
export async function must(
  t: GraphQLClient,
  query: string,
  field: string,
  variables?: Record<string, unknown>,
) {
  const res = await t.gql(query, variables);
  if (res.errors?.length) throw new Error(`${field} failed: ${JSON.stringify(res.errors)}`);
  return (res.data as Record<string, any>)[field];
}

export async function count(t: TestApp, list: string): Promise<number> {
  const res = await t.gql(`{ ${list}(first: 0) { totalCount } }`);
  return (res.data as any)[list].totalCount as number;
}
