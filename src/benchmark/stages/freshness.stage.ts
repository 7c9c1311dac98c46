import { randomBytes } from 'node:crypto';
import type { BenchTarget } from '../bench-target.js';
import { postGraphQL } from '../../common/graphql/post-graphql.js';
import { percentiles } from '../../common/statistics/percentiles.js';

export interface FreshnessFigures {
  writesPerSecond: number;
  creates: { n: number; p50: number; p95: number; max: number };
  updates: { n: number; p50: number; p95: number; max: number };
  all: { n: number; p50: number; p95: number; max: number };
  /** Changes not searchable within the deadline: should be 0. */
  neverSeen: number;
}

const DEADLINE_MS = 30_000;
const POLL_MS = 50;
/** Searches per watcher request, as aliases: below the edge's GRAPHQL_MAX_ALIASES of 30. */
const SEARCHES_PER_REQUEST = 20;

interface Awaited {
  token: string;
  id: string;
  started: number;
  kind: 'create' | 'update';
}

/**
 * Creates and updates at a steady rate while searching for each change: the time from sending
 * the write until a search finds it. Each change carries a word of its own (in the name of a
 * created expert, in the job title of an updated one) that only that change can match.
 *
 * One watcher searches for every change not yet seen, every 50 ms, in one GraphQL request per 20
 * changes (an aliased `searchExperts` each). A poller per change instead sent hundreds of requests a
 * second and saturated the two cores it was measuring: freshness then measured the pollers.
 */
export async function freshnessStage(
  target: BenchTarget,
  writesPerSecond: number,
  seconds: number,
  say: (line: string) => void,
): Promise<FreshnessFigures> {
  say(`freshness: ${writesPerSecond} writes/s for ${seconds} s, searched for every ${POLL_MS} ms`);
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
  let neverSeen = 0;
  // A "k" and eleven random digits per change: far more than two typos from any other change's
  // word, so typo tolerance cannot let one change's search find another's (a created expert's
  // name must not answer for the update of its job title that follows). Random letters would
  // not do: a query of one rare word may be taken for German and split like a compound.
  const word = () => `k${Array.from(randomBytes(11), (b) => String(b % 10)).join('')}`;

  const change = async (i: number) => {
    const token = word();
    const previous = i % 2 === 1 ? await created.get(i - 1) : undefined;
    const started = performance.now();
    if (previous) {
      await gql(
        'mutation($id: ID!, $t: String) { updateExpert(id: $id, input: { jobTitle: $t }) { id } }',
        { id: previous, t: `Analyst ${token}` },
      );
      unseen.push({ token, id: previous, started, kind: 'update' });
      return;
    }
    const creating = gql<{ createExpert: { id: string } }>(
      'mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }',
      { input: { name: `Probe ${token}`, email: `${token}@bench.example`, organisationId } },
    ).then((r) => r.createExpert.id);
    created.set(i, creating);
    unseen.push({ token, id: await creating, started, kind: 'create' });
  };

  /** Searches for the given unseen changes in one request; records those found. */
  const lookFor = async (batch: Awaited[]) => {
    const query = `query(${batch.map((_, i) => `$q${i}: String`).join(', ')}) { ${batch
      .map((_, i) => `s${i}: searchExperts(input: { query: $q${i} }) { hits { expert { id } } }`)
      .join(' ')} }`;
    const found = await gql<Record<string, { hits: { expert: { id: string } }[] }>>(
      query,
      Object.fromEntries(batch.map((a, i) => [`q${i}`, a.token])),
    );
    const now = performance.now();
    batch.forEach((a, i) => {
      const hit = found[`s${i}`]?.hits.some((h) => h.expert.id === a.id);
      if (!hit && now - a.started <= DEADLINE_MS) return;
      unseen.splice(unseen.indexOf(a), 1);
      if (hit) seen[a.kind].push(now - a.started);
      else neverSeen += 1;
    });
  };
  // Every unseen change, every time: a change left for a later look would be found late.
  const look = () => {
    const batches: Awaited[][] = [];
    for (let i = 0; i < unseen.length; i += SEARCHES_PER_REQUEST)
      batches.push(unseen.slice(i, i + SEARCHES_PER_REQUEST));
    return Promise.all(batches.map(lookFor));
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
  return {
    writesPerSecond,
    creates: percentiles(seen.create),
    updates: percentiles(seen.update),
    all: percentiles([...seen.create, ...seen.update]),
    neverSeen,
  };
}
