import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { fullTextHttpServer } from '../../tools/bench/full-text/full-text.server.js';
import { searchFullText } from '../../tools/baseline/postgres-full-text/full-text.search.js';
import { buildFullTextTable } from '../../tools/baseline/postgres-full-text/full-text.table.js';
import type { ExpertSearchInput } from '../../src/search/experts/dto/expert-search.input.js';
import { ExpertFacet, ExpertSort } from '../../src/search/experts/expert-facets.js';
import { distanceKm } from '../../src/search/faceting/geo.js';
import {
  closePool,
  postgresAdminUrl,
  type ScratchPostgres,
  scratchPool,
  seedPostgresCopy,
} from '../../tools/support/scratch-postgres.js';
import { postgresUnreachable, postgresUrl } from '../support/test-database.js';

/**
 * The PostgreSQL full-text alternative of the benchmark, on a small seeded database of its own.
 * It needs PostgreSQL on both runs (the SQLite run too): the server of `npm run test:postgres`,
 * else the local one; the tests are skipped, with the reason, when none answers.
 */
const adminUrl = postgresUrl() ?? postgresAdminUrl();
const unavailable = await postgresUnreachable(adminUrl);
if (unavailable) console.warn(`Skipping the PostgreSQL full-text tests: ${unavailable}`);
const describeWithPostgres = unavailable ? describe.skip : describe;

const XRD = 'x-ray-diffraction';

describeWithPostgres('PostgreSQL full-text search (the benchmark alternative)', () => {
  let copy: ScratchPostgres;
  let pool: pg.Pool;
  const search = (input: ExpertSearchInput) => searchFullText(pool, input);
  const ids = async (sql: string, values: unknown[] = []) =>
    new Set((await pool.query<{ id: string }>(sql, values)).rows.map((r) => r.id));
  const publicWith = (slug: string) =>
    ids(
      `SELECT e.id FROM experts e JOIN expert_skills s ON s."expertId" = e.id
         JOIN technologies t ON t.id = s."technologyId"
        WHERE t.slug = $1 AND e.visibility = 'PUBLIC'`,
      [slug],
    );

  beforeAll(async () => {
    copy = await seedPostgresCopy(240, { seed: 7, adminUrl });
    pool = scratchPool(copy.databaseUrl, 4);
    const build = await buildFullTextTable(pool);
    expect(build.rows).toBe(240);
  });
  afterAll(async () => {
    if (pool) await closePool(pool);
    await copy?.drop();
  });

  it('finds every public expert of a technique by any of its names, acronyms or accents', async () => {
    const expected = await publicWith(XRD);
    expect(expected.size).toBeGreaterThan(0);
    for (const query of ['XRD', 'DRX', 'Röntgenbeugung', 'rontgenbeugung', 'rayons X']) {
      const result = await search({ query, hitsPerPage: 100 });
      const found = new Set(result.hits.map((h) => h.id));
      expect([...expected].filter((id) => !found.has(id))).toEqual([]);
      expect(result.relaxed).toBe(false);
    }
  });

  it('narrows by a filter, and a facet value counts exactly the experts its filter finds', async () => {
    const all = await search({ query: 'XRD', facets: [ExpertFacet.COUNTRY, ExpertFacet.MATERIAL] });
    const countries = all.facets.COUNTRY ?? {};
    expect(Object.keys(countries).length).toBeGreaterThan(1);
    expect(Object.values(countries).reduce((a, b) => a + b, 0)).toBe(all.totalHits);
    for (const [facet, counts] of Object.entries(all.facets) as [
      ExpertFacet,
      Record<string, number>,
    ][]) {
      for (const [value, count] of Object.entries(counts)) {
        const filtered = await search({
          query: 'XRD',
          filters: [{ facet, values: [value] }],
          facets: [facet],
        });
        expect(filtered.totalHits).toBe(count);
        expect(filtered.totalHits).toBeLessThanOrEqual(all.totalHits);
        // Disjunctive: a facet's own filter leaves its counts as they were.
        expect(filtered.facets[facet]).toEqual(counts);
      }
    }
  });

  it('never shows a hidden expert, in hits or in counts', async () => {
    const hidden = await ids(`SELECT id FROM experts WHERE visibility <> 'PUBLIC'`);
    const publicCount = (await ids(`SELECT id FROM experts WHERE visibility = 'PUBLIC'`)).size;
    expect(hidden.size).toBeGreaterThan(0);
    const everyone = await search({ hitsPerPage: 100, page: 1, facets: [ExpertFacet.COUNTRY] });
    expect(everyone.totalHits).toBe(publicCount);
    expect(Object.values(everyone.facets.COUNTRY ?? {}).reduce((a, b) => a + b, 0)).toBe(
      publicCount,
    );
    const { rows } = await pool.query<{ name: string }>(
      `SELECT name FROM experts WHERE visibility <> 'PUBLIC' LIMIT 5`,
    );
    for (const { name } of rows) {
      const result = await search({ query: name, hitsPerPage: 100 });
      expect(result.hits.filter((h) => hidden.has(h.id))).toEqual([]);
    }
  });

  it('keeps to the radius, nearest first when sorted by distance', async () => {
    const near = { lat: 49.4958, lng: 5.9806, radiusKm: 30 };
    const { rows } = await pool.query<{ id: string; lat: number; lng: number }>(
      `SELECT e.id, o.latitude AS lat, o.longitude AS lng FROM experts e
         JOIN organisations o ON o.id = e."organisationId"
        WHERE e.visibility = 'PUBLIC' AND o.latitude IS NOT NULL`,
    );
    const within = rows.filter((r) => distanceKm(near, r) <= near.radiusKm);
    expect(within.length).toBeGreaterThan(0);
    expect(within.length).toBeLessThan(rows.length);
    const result = await search({ near, sort: ExpertSort.DISTANCE, hitsPerPage: 100 });
    expect(result.totalHits).toBe(within.length);
    const distances = result.hits.map((h) => h.distanceKm ?? Infinity);
    expect(distances.every((d) => d <= near.radiusKm)).toBe(true);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('falls back to any word when no expert matches every word', async () => {
    const result = await search({ query: 'XRD zzzunheardof' });
    expect(result.relaxed).toBe(true);
    expect(result.totalHits).toBe((await search({ query: 'XRD' })).totalHits);
    expect((await search({ query: 'zzzunheardof' })).totalHits).toBe(0);
  });

  it('answers over HTTP the same as in process, and refuses an invalid input', async () => {
    const server = fullTextHttpServer(pool);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/search`;
    const post = (body: unknown) =>
      fetch(url, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    try {
      const ok = await post({ input: { query: 'DRX', facets: ['COUNTRY'] } });
      expect(ok.status).toBe(200);
      const body = (await ok.json()) as { totalHits: number };
      expect(body.totalHits).toBe((await search({ query: 'DRX' })).totalHits);
      expect((await post({ input: { query: 'DRX', hitsPerPage: 1000 } })).status).toBe(400);
      expect((await post({ input: { filters: [{ facet: 'NOPE', values: [] }] } })).status).toBe(
        400,
      );
      expect((await post({ nothing: true })).status).toBe(400);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
