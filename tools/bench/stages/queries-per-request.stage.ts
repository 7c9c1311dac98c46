import 'reflect-metadata';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { withHttpApp } from '../../../src/cli/app-command.js';
import { queryCounter } from '../../../src/database/data-source.options.js';
import { DemandService } from '../../../src/demand/demand.service.js';
import type { BenchTarget } from '../bench-target.js';
import { postGraphQL } from '../../support/post-graphql.js';

export interface QueriesPerRequest {
  /** SQL statements behind one request, per query, for an anonymous caller and a keyed one. */
  anonymous: Record<string, number>;
  keyed: Record<string, number>;
}

const EXPERT_FIELDS = `id name jobTitle organisation { name city clusters { slug } }
  skills { level technology { name acronyms parent { name } } } materials { name } sectors { name }`;

const QUERIES: Record<string, { query: string; variables?: (id: string) => object }> = {
  'list (experts, first 50, nested)': {
    query: `{ experts(first: 50) { totalCount edges { node { ${EXPERT_FIELDS} } } } }`,
  },
  'node (one expert, nested)': {
    query: `query($id: ID!) { node(id: $id) { ... on Expert { ${EXPERT_FIELDS} } } }`,
    variables: (id) => ({ id }),
  },
  'searchExperts (text, 20 hits, 3 facets)': {
    query: `{ searchExperts(input: { query: "XRD", hitsPerPage: 20, facets: [COUNTRY, TECHNOLOGY, MATERIAL] }) {
      totalHits hits { expert { ${EXPERT_FIELDS} } } facets { facet values { value count } } } }`,
  },
};

/**
 * Counts the SQL statements behind the list, node and search queries. Runs the application in
 * this process on the target's data (with its relays off, so background polling stays out of
 * the count) and reads the statement counter every connection's logger keeps.
 */
export async function queriesPerRequestStage(
  target: BenchTarget,
  say: (line: string) => void,
): Promise<QueriesPerRequest> {
  say('queries per request: statements behind list, node and search');
  const env = {
    ...target.env,
    MEILI_HOST: target.meili.host,
    MEILI_MASTER_KEY: target.meili.masterKey,
    SEARCH_RELAY: 'false',
    NOTIFICATION_RELAY: 'false',
    LOG_LEVEL: 'error',
  };
  return withHttpApp({ env, logger: ['error'] }, async (app) => {
    await app.listen(0, '127.0.0.1');
    const port = ((app.getHttpServer() as Server).address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/graphql`;
    const counter = queryCounter(app.get<DataSource>(getDataSourceToken()).logger);
    if (!counter) throw new Error('the query counter logger is not installed');
    const { experts } = await postGraphQL<{ experts: { edges: { node: { id: string } }[] } }>(
      url,
      '{ experts(first: 1) { edges { node { id } } } }',
    );
    const expertId = experts.edges[0]?.node.id ?? '';
    const count = async (key?: string) => {
      const counts: Record<string, number> = {};
      for (const [name, { query, variables }] of Object.entries(QUERIES)) {
        await postGraphQL(url, query, variables?.(expertId), key); // warm: caches, key's lastUsedAt
        await new Promise((r) => setTimeout(r, 200));
        // Searches are recorded as demand and written a second later in one transaction: written
        // now, so that write is not counted against the next request (statements-per-request.spec).
        await app.get(DemandService).flush();
        const before = counter.queries;
        await postGraphQL(url, query, variables?.(expertId), key);
        counts[name] = counter.queries - before;
      }
      return counts;
    };
    return { anonymous: await count(), keyed: await count(target.adminKey) };
  });
}
