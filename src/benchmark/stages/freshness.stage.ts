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
const POLL_MS = 25;

/**
 * Creates and updates at a steady rate while searching for each change: the time from sending
 * the write until a search finds it. Each change carries a word of its own (in the name of a
 * created expert, in the job title of an updated one) that only that change can match.
 */
export async function freshnessStage(
  target: BenchTarget,
  writesPerSecond: number,
  seconds: number,
  say: (line: string) => void,
): Promise<FreshnessFigures> {
  say(`freshness: ${writesPerSecond} writes/s for ${seconds} s, each polled until searchable`);
  const gql = <T>(query: string, variables?: object) =>
    postGraphQL<T>(target.url, query, variables, target.adminKey);
  const { organisations } = await gql<{ organisations: { edges: { node: { id: string } }[] } }>(
    '{ organisations(first: 1) { edges { node { id } } } }',
  );
  const organisationId = organisations.edges[0]?.node.id;
  // Each created expert is updated once, by the next write: no two changes race on one expert.
  const created = new Map<number, Promise<string>>();
  const creates: number[] = [];
  const updates: number[] = [];
  let neverSeen = 0;
  // A "k" and eleven random digits per change: far more than two typos from any other change's
  // word, so typo tolerance cannot let one change's search find another's (a created expert's
  // name must not answer for the update of its job title that follows). Random letters would
  // not do: a query of one rare word may be taken for German and split like a compound.
  const word = () => `k${Array.from(randomBytes(11), (b) => String(b % 10)).join('')}`;

  const change = async (i: number) => {
    const token = word();
    const update = i % 2 === 1;
    const previous = update ? await created.get(i - 1) : undefined;
    const started = performance.now();
    let id: string;
    if (previous) {
      id = previous;
      await gql(
        'mutation($id: ID!, $t: String) { updateExpert(id: $id, input: { jobTitle: $t }) { id } }',
        {
          id,
          t: `Analyst ${token}`,
        },
      );
    } else {
      const creating = gql<{ createExpert: { id: string } }>(
        'mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }',
        { input: { name: `Probe ${token}`, email: `${token}@bench.example`, organisationId } },
      ).then((r) => r.createExpert.id);
      created.set(i, creating);
      id = await creating;
    }
    for (;;) {
      const { searchExperts } = await gql<{
        searchExperts: { hits: { expert: { id: string } }[] };
      }>('query($q: String) { searchExperts(input: { query: $q }) { hits { expert { id } } } }', {
        q: token,
      });
      const elapsed = performance.now() - started;
      if (searchExperts.hits.some((h) => h.expert.id === id)) {
        (previous ? updates : creates).push(elapsed);
        return;
      }
      if (elapsed > DEADLINE_MS) {
        neverSeen += 1;
        return;
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };

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
  return {
    writesPerSecond,
    creates: percentiles(creates),
    updates: percentiles(updates),
    all: percentiles([...creates, ...updates]),
    neverSeen,
  };
}
