import { parseArgs } from 'node:util';
import type { Settings } from 'meilisearch';
import { runCommand } from '../../src/common/cli/run-command.js';
import { meilisearchClient } from '../../src/search/engine/meilisearch-client.js';
import { EXPERTS_INDEX } from '../../src/search/indexes/experts.index.js';
import { CLUSTER_LOCALES } from '../../src/search/indexes/locales.js';
import { startBenchTarget } from './bench-target.js';
import { machine } from './machine.js';
import { mixEngineView } from './mix-engine-view.js';
import { searchMix } from './search-mix.js';

const USAGE = `usage: npm run bench:engine -- [--experts 2000] [--rounds 5] [--only name,name]`;

type Query = Record<string, unknown>;

/** One thing changed against the index as Kenner declares it: its settings, or its requests. */
interface Variant {
  name: string;
  settings?: Settings;
  query?: (q: Query) => Query;
}

const VARIANTS: Variant[] = [
  { name: 'as declared' },
  { name: 'no localizedAttributes', settings: { localizedAttributes: [] } },
  {
    name: 'localizedAttributes: * as eng',
    settings: { localizedAttributes: [{ attributePatterns: ['*'], locales: ['eng'] }] },
  },
  // Until 4 December 2026 the experts index split German compounds like the techniques index.
  { name: 'localizedAttributes with German', settings: { localizedAttributes: CLUSTER_LOCALES } },
  { name: 'proximityPrecision: byAttribute', settings: { proximityPrecision: 'byAttribute' } },
  { name: 'prefixSearch: disabled', settings: { prefixSearch: 'disabled' } },
  { name: 'no synonyms', settings: { synonyms: {} } },
  {
    name: 'typos: min 5/9, off on numbers',
    settings: {
      typoTolerance: { minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true },
    },
  },
  { name: 'maxValuesPerFacet 100', settings: { faceting: { maxValuesPerFacet: 100 } } },
  {
    name: 'no highlight/crop',
    query: (q) => ({ ...q, attributesToHighlight: undefined, attributesToCrop: undefined }),
  },
  { name: 'no facets', query: (q) => ({ ...q, facets: undefined }) },
  { name: 'no sort', query: (q) => ({ ...q, sort: undefined }) },
  {
    name: 'limit/offset, not page',
    query: ({ page, hitsPerPage, ...q }) =>
      page === undefined
        ? q
        : {
            ...q,
            limit: hitsPerPage,
            offset: ((page as number) - 1) * (hitsPerPage as number),
          },
  },
];

/** A searchable attribute left out, one at a time. */
const SEARCHABLE_OUT = [
  'technologies.synonyms',
  'technologyAncestors',
  'technologies.names',
  'bio',
];

/**
 * `npm run bench:engine`: where Meilisearch's own time goes on the bench's search mix. Seeds the
 * bench's experts, copies the experts index into scratch indexes that each change one setting
 * (or one request parameter), and sends each of the mix's requests one at a time, `rounds` times:
 * per variant and search, the minimum over rounds of the engine's `processingTimeMs` summed over the mix.
 * Prints a table; writes nothing.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      experts: { type: 'string' },
      rounds: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const experts = Number(values.experts ?? 2000);
  const rounds = Number(values.rounds ?? 5);
  if (values.help || ![experts, rounds].every((n) => Number.isInteger(n) && n > 0)) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const say = (line: string) =>
    process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const target = await startBenchTarget(experts, 'sqlite', say);
  const lines = [`engine time per search — ${machine()}; ${experts} experts`];
  try {
    const { host, masterKey } = target.meili;
    const client = meilisearchClient(host, masterKey);
    const mix = searchMix(EXPERTS_INDEX, await mixEngineView(target)).map(
      (m) => (JSON.parse(m.raw) as { queries: Query[] }).queries,
    );
    const declared = await client.index(EXPERTS_INDEX).getSettings();
    const documents = (await client.index(EXPERTS_INDEX).getDocuments({ limit: experts + 1000 }))
      .results;
    const variants: Variant[] = [
      ...VARIANTS,
      ...SEARCHABLE_OUT.map((out) => ({
        name: `searchable without ${out}`,
        settings: {
          searchableAttributes: (declared.searchableAttributes ?? []).filter((a) => a !== out),
        },
      })),
    ].filter((v) => !values.only || values.only.split(',').some((o) => v.name.includes(o)));

    /** The engine's time for one request on index `uid` (its experts queries summed). */
    const engineTime = async (uid: string, queries: Query[], change: (q: Query) => Query) => {
      const body = {
        queries: queries.map((q) =>
          q.indexUid === EXPERTS_INDEX ? change({ ...q, indexUid: uid }) : q,
        ),
      };
      const response = await fetch(`${host}/multi-search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${uid}: ${response.status} ${await response.text()}`);
      const { results } = (await response.json()) as {
        results: { indexUid: string; processingTimeMs: number }[];
      };
      return results.filter((r) => r.indexUid === uid).reduce((s, r) => s + r.processingTimeMs, 0);
    };

    // Every variant's index exists before any is timed, and each round visits them in turn: a
    // busy machine then slows every variant alike, and the minimum over rounds is the cost.
    // A variant of the requests alone searches the first index (the declared settings).
    const uids = variants.map((v, i) => `engine_time_${v.settings ? i : 0}`);
    for (const [i, variant] of variants.entries()) {
      const uid = uids[i]!;
      if (i > 0 && !variant.settings) continue;
      say(`indexing variant: ${variant.name}`);
      await client.deleteIndex(uid).waitTask();
      await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
      const settings = { ...declared, ...variant.settings };
      const set = await client.index(uid).updateSettings(settings).waitTask({ timeout: 600_000 });
      if (set.status !== 'succeeded') throw new Error(`${variant.name}: ${set.error?.message}`);
      const added = await client
        .index(uid)
        .addDocuments(documents)
        .waitTask({ timeout: 1_800_000 });
      if (added.status !== 'succeeded') throw new Error(`${variant.name}: ${added.error?.message}`);
    }
    const times: number[][][] = variants.map(() => mix.map(() => []));
    for (let round = 0; round < rounds; round++) {
      say(`round ${round + 1}/${rounds}`);
      for (const [i, variant] of variants.entries())
        for (const [r, queries] of mix.entries())
          times[i]![r]!.push(await engineTime(uids[i]!, queries, variant.query ?? ((q) => q)));
    }
    for (const uid of new Set(uids)) await client.deleteIndex(uid).waitTask();
    const texts = mix.map((queries) => queries.find((q) => q.indexUid === EXPERTS_INDEX)?.q ?? '');
    for (const [i, variant] of variants.entries()) {
      const best = times[i]!.map((t) => Math.min(...t));
      const total = best.reduce((a, b) => a + b, 0);
      const slowest = best
        .map((t, r) => ({ t, q: texts[r] }))
        .sort((a, b) => b.t - a.t)
        .slice(0, 3)
        .map((s) => `${JSON.stringify(s.q)} ${s.t}`)
        .join(', ');
      lines.push(
        `${variant.name}: mean ${(total / best.length).toFixed(1)} ms/search, ` +
          `median ${median(best)} ms, max ${Math.max(...best)} ms; slowest ${slowest}`,
      );
      if (i === 0) lines.push(`  per search: ${best.map((t, r) => `${r}:${t}`).join(' ')}`);
    }
  } finally {
    await target.close();
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

runCommand(main);
