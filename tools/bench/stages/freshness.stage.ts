import { randomBytes } from 'node:crypto';
import type { BenchTarget } from '../bench-target.js';
import { fromGlobalId } from '../../../src/common/graphql/global-id.js';
import { meilisearchClient } from '../../../src/search/engine/meilisearch-client.js';
import { EXPERTS_INDEX } from '../../../src/search/indexes/experts.index.js';
import { postGraphQL } from '../../support/post-graphql.js';
import { percentiles } from '../../support/percentiles.js';

export interface FreshnessFigures {
  writesPerSecond: number;
  creates: { n: number; p50: number; p95: number; max: number };
  updates: { n: number; p50: number; p95: number; max: number };
  all: { n: number; p50: number; p95: number; max: number };
  /** Changes not in the engine within the deadline: should be 0. */
  neverSeen: number;
  /** Changes the engine held that a GraphQL search then did not find: should be 0. */
  notFoundBySearch: number;
}

const DEADLINE_MS = 30_000;
const POLL_MS = 50;
/** Searches per confirming request, as aliases: below the edge's GRAPHQL_MAX_ALIASES of 30. */
const SEARCHES_PER_REQUEST = 20;

interface Awaited {
  token: string;
  /** The expert's GraphQL id, and its id in the index. */
  id: string;
  documentId: string;
  started: number;
  kind: 'create' | 'update';
}

/**
 * Creates and updates at a steady rate while watching for each change: the time from sending the
 * write until the engine holds it. Each change carries a word of its own (in the name of a created
 * expert, in the job title of an updated one) that only that change can match.
 *
 * One watcher asks the engine, every 50 ms, for the documents of all changes not yet seen, in one
 * request. Searching instead (a poller per change, then one search per change each round) put
 * enough load on the two shared cores to slow the indexing it measured. After the writes, every
 * change is searched for once through GraphQL, to show the engine's copy is what search answers.
 */
export async function freshnessStage(
  target: BenchTarget,
  writesPerSecond: number,
  seconds: number,
  say: (line: string) => void,
): Promise<FreshnessFigures> {
  say(`freshness: ${writesPerSecond} writes/s for ${seconds} s, watched every ${POLL_MS} ms`);
  const gql = <T>(query: string, variables?: object) =>
    postGraphQL<T>(target.url, query, variables, target.adminKey);
  const { organisations } = await gql<{ organisations: { edges: { node: { id: string } }[] } }>(
    '{ organisations(first: 1) { edges { node { id } } } }',
  );
  const organisationId = organisations.edges[0]?.node.id;
  // Each created expert is updated once, by the next write: no two changes race on one expert.
  const created = new Map<number, Promise<string>>();
  const seen = { create: [] as number[], update: [] as number[] };
  const unseen: Awaited[] = [];
  const found: Awaited[] = [];
  let neverSeen = 0;
  // A "k" and eleven random digits per change: far more than two typos from any other change's
  // word, so typo tolerance cannot let one change's search find another's (a created expert's
  // name must not answer for the update of its job title that follows). Random letters would
  // not do: a query of one rare word may be taken for German and split like a compound.
  const word = () => `k${Array.from(randomBytes(11), (b) => String(b % 10)).join('')}`;

  const awaited = (token: string, id: string, started: number, kind: Awaited['kind']) => ({
    token,
    id,
    documentId: fromGlobalId(id, 'Expert'),
    started,
    kind,
  });
  const experts = meilisearchClient(target.meili.host, target.meili.masterKey).index(EXPERTS_INDEX);

  const change = async (i: number) => {
    const token = word();
    const previous = i % 2 === 1 ? await created.get(i - 1) : undefined;
    const started = performance.now();
    if (previous) {
      await gql(
        'mutation($id: ID!, $t: String) { updateExpert(id: $id, input: { jobTitle: $t }) { id } }',
        { id: previous, t: `Analyst ${token}` },
      );
      unseen.push(awaited(token, previous, started, 'update'));
      return;
    }
    const creating = gql<{ createExpert: { id: string } }>(
      'mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }',
      { input: { name: `Probe ${token}`, email: `${token}@bench.example`, organisationId } },
    ).then((r) => r.createExpert.id);
    created.set(i, creating);
    unseen.push(awaited(token, await creating, started, 'create'));
  };

  /**
   * One request to the engine for every unseen change's document; records those that carry
   * their change. Reading documents by id costs the engine next to nothing, unlike a typo-tolerant
   * search per change, whose load at 100,000 experts slowed the indexing being measured.
   */
  const look = async () => {
    const batch = [...unseen];
    if (batch.length === 0) return;
    const { results } = await experts.getDocuments<Record<string, string | null>>({
      ids: batch.map((a) => a.documentId),
      fields: ['id', 'name', 'jobTitle'],
      limit: batch.length,
    });
    const documents = new Map(results.map((d) => [d.id, d]));
    const now = performance.now();
    for (const a of batch) {
      const document = documents.get(a.documentId);
      const hit = document?.[a.kind === 'create' ? 'name' : 'jobTitle']?.includes(a.token);
      if (!hit && now - a.started <= DEADLINE_MS) continue;
      unseen.splice(unseen.indexOf(a), 1);
      if (hit) {
        seen[a.kind].push(now - a.started);
        found.push(a);
      } else neverSeen += 1;
    }
  };

  /** Every change the engine holds must also be found by a search through GraphQL. */
  const confirmBySearch = async (): Promise<number> => {
    let missed = 0;
    for (let i = 0; i < found.length; i += SEARCHES_PER_REQUEST) {
      const batch = found.slice(i, i + SEARCHES_PER_REQUEST);
      const query = `query(${batch.map((_, j) => `$q${j}: String`).join(', ')}) { ${batch
        .map((_, j) => `s${j}: searchExperts(input: { query: $q${j} }) { hits { expert { id } } }`)
        .join(' ')} }`;
      const answer = await gql<Record<string, { hits: { expert: { id: string } }[] }>>(
        query,
        Object.fromEntries(batch.map((a, j) => [`q${j}`, a.token])),
      );
      batch.forEach((a, j) => {
        if (!answer[`s${j}`]?.hits.some((h) => h.expert.id === a.id)) missed += 1;
      });
    }
    return missed;
  };

  let writing = true;
  const watcher = (async () => {
    while (writing || unseen.length > 0) {
      const tick = performance.now();
      await look();
      await new Promise((r) => setTimeout(r, Math.max(0, tick + POLL_MS - performance.now())));
    }
  })();

  const pending: Promise<void>[] = [];
  const total = writesPerSecond * seconds;
  const begin = performance.now();
  for (let i = 0; i < total; i++) {
    // A steady schedule, not back-to-back: writes leave at fixed times whatever the answers do.
    const due = begin + (i * 1000) / writesPerSecond;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    pending.push(change(i));
  }
  await Promise.all(pending);
  writing = false;
  await watcher;
  const notFoundBySearch = await confirmBySearch();
  return {
    writesPerSecond,
    creates: percentiles(seen.create),
    updates: percentiles(seen.update),
    all: percentiles([...seen.create, ...seen.update]),
    neverSeen,
    notFoundBySearch,
  };
}
