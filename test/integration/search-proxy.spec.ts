import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Meilisearch } from 'meilisearch';
import {
  freePort,
  type RunningMeilisearch,
  startBundledMeilisearch,
} from '../../src/search/engine/bundled-meilisearch.js';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/caller.js';
import { createBasics, must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { TestDatabase } from '../support/test-database.js';

const MINT = `mutation($s: Int) { createSearchToken(indexes: [EXPERTS, TECHNOLOGIES], expiresInSeconds: $s) { host token indexes expiresAt } }`;
const WIDEN = 'visibility = STAFF OR visibility = MEMBERS OR visibility = PUBLIC';

interface Minted {
  host: string;
  token: string;
  indexes: string[];
  expiresAt: string;
}

const names = (hits: unknown[]): string[] => (hits as { name: string }[]).map((h) => h.name).sort();

/**
 * Browser search straight through Kenner (/search): an anonymous token with the official client,
 * what the proxy refuses, and a token that outlives the process that minted it. A Meilisearch of
 * this file's own, so it can be stopped at the end.
 */
describe('search proxy', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kenner-meili-proxy-'));
  let server: RunningMeilisearch | undefined;
  let t: TestApp;
  let port: number;
  let database: TestDatabase;
  let anonymous: Minted;
  const env = () => ({
    MEILI_HOST: server?.host ?? '',
    MEILI_MASTER_KEY: server?.masterKey ?? '',
    MEILI_INDEX_PREFIX: 'proxy_',
  });
  const post = (path: string, body: unknown, bearer?: string, extra: Record<string, string> = {}) =>
    fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...extra,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startBundledMeilisearch({ dataDir, port: await freePort() });
    port = await freePort();
    t = await startTestApp({ env: env(), listen: port, keep: true });
    database = t.database;
    const refs = await createBasics(t);
    for (const visibility of ['PUBLIC', 'MEMBERS', 'STAFF']) {
      await must(
        t,
        `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
        'createExpert',
        {
          input: {
            name: `Proxy ${visibility}`,
            email: `${visibility.toLowerCase()}@proxy.example`,
            organisationId: refs.org.id,
            visibility,
            skills: [{ technologyId: refs.xrd.id, level: 'EXPERT' }],
          },
        },
      );
    }
    await t.searchSynced();
    const minted = await t.gql<{ createSearchToken: Minted }>(MINT, {}, null);
    expect(minted.errors).toBeUndefined();
    anonymous = minted.data?.createSearchToken as Minted;
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('mints an anonymous token of at most an hour, 10 minutes by default, naming Kenner as host', async () => {
    expect(anonymous.host).toBe(`${t.url}/search`);
    const lifetime = Date.parse(anonymous.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(600_000);
    const tooLong = await t.gql(MINT, { s: 3601 }, null);
    expect(tooLong.errors?.[0]?.message).toMatch(/^expiresInSeconds: .*without an API key/);
    expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const hour = await t.gql(MINT, { s: 3600 }, null);
    expect(hour.errors).toBeUndefined();
    // Keys keep their longer bound.
    const keyed = await t.gql(MINT, { s: 86_400 }, t.keys.staff);
    expect(keyed.errors).toBeUndefined();
  });

  it("mints with a partner's key only for the key's origins, or from its server", async () => {
    const { secret } = await t.app.get(ApiKeysService).create({
      name: 'Partner with a site',
      role: Role.PARTNER,
      clusters: ['test-cluster'],
      allowedOrigins: ['https://partner.example'],
    });
    const mint = (origin?: string) =>
      post('/graphql', { query: MINT }, secret, origin ? { origin } : {});
    const fromSite = await mint('https://partner.example');
    expect(((await fromSite.json()) as any).data?.createSearchToken.token).toEqual(
      expect.any(String),
    );
    const fromServer = await mint();
    expect(((await fromServer.json()) as any).data?.createSearchToken.token).toEqual(
      expect.any(String),
    );
    const elsewhere = await mint('https://elsewhere.example');
    expect(elsewhere.status).toBe(403);
    const refused = (await elsewhere.json()) as any;
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('serves search and multiSearch to the official client, public experts only, however it filters', async () => {
    const browser = new Meilisearch({ host: anonymous.host, apiKey: anonymous.token });
    const [experts, technologies] = anonymous.indexes as [string, string];
    const found = await browser.index(experts).search('Proxy', { limit: 100 });
    expect(names(found.hits)).toEqual(['Proxy PUBLIC']);
    // A filter naming the hidden visibilities is ANDed with the token's rule: it cannot widen.
    const widened = await browser.index(experts).search('Proxy', { filter: WIDEN });
    expect(names(widened.hits)).toEqual(['Proxy PUBLIC']);
    const hidden = await browser.index(experts).search('', { filter: 'visibility = STAFF' });
    expect(hidden.hits).toEqual([]);
    const multi = await browser.multiSearch({
      queries: [
        { indexUid: experts, q: 'Proxy', filter: WIDEN },
        { indexUid: technologies, q: 'DRX' },
      ],
    });
    expect(names(multi.results[0]?.hits ?? [])).toEqual(['Proxy PUBLIC']);
    expect(names(multi.results[1]?.hits ?? [])).toEqual(['X-ray diffraction']);
  });

  it('answers facet-search from a search under the token: values it may see, matched by name in any language', async () => {
    const secret = await must(
      t,
      `mutation { createTechnology(input: { name: "Secondary ion mass spectrometry", slug: "sims", acronyms: ["SIMS"] }) { id } }`,
      'createTechnology',
    );
    const refs = await t.gql(`{ organisations(first: 1) { edges { node { id } } } }`);
    await must(
      t,
      `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
      'createExpert',
      {
        input: {
          name: 'Facet Hidden',
          email: 'facet-hidden@proxy.example',
          organisationId: refs.data?.organisations.edges[0].node.id,
          visibility: 'MEMBERS',
          skills: [{ technologyId: secret.id, level: 'EXPERT' }],
        },
      },
    );
    await t.searchSynced();
    const experts = anonymous.indexes[0] as string;
    const facetSearch = async (body: unknown, bearer = anonymous.token) => {
      const res = await post(`/search/indexes/${experts}/facet-search`, body, bearer);
      return { status: res.status, body: (await res.json()) as any };
    };
    const values = async (body: Record<string, unknown>) => {
      const answer = await facetSearch({ facetName: 'technologySlugs', ...body });
      expect(answer.status).toBe(200);
      return (answer.body.facetHits as { value: string; count: number }[]).map(
        (h) => `${h.value}:${h.count}`,
      );
    };
    // The MEMBERS expert's technique is counted nowhere, whatever the browser filters.
    expect(await values({})).toEqual(['xrd:1']);
    expect(await values({ facetQuery: null, filter: WIDEN })).toEqual(['xrd:1']);
    expect(await values({ facetQuery: 'sims' })).toEqual([]);
    // By word prefix of the value or of its names, accents and case ignored.
    for (const query of ['rayons', 'RÖNTGEN', 'x-ray diff', 'xrd']) {
      expect([query, await values({ facetQuery: query })]).toEqual([query, ['xrd:1']]);
    }
    expect(await values({ facetQuery: 'ray diffraction nope' })).toEqual([]);
    // What instant-meilisearch adds for the hits changes nothing.
    const extra = { facets: ['languages'], hitsPerPage: 1, page: 9, highlightPreTag: '<x>' };
    expect(await values({ facetQuery: 'xrd', ...extra })).toEqual(['xrd:1']);
    expect(await values({ q: 'nobody at all', facetQuery: '' })).toEqual([]);
    const country = await facetSearch({ facetName: 'organisation.country', facetQuery: 'luxem' });
    expect(country.body.facetHits).toEqual([{ value: expect.stringMatching(/^lu$/i), count: 1 }]);
    // The official client's facet search goes through it too.
    const client = new Meilisearch({ host: anonymous.host, apiKey: anonymous.token });
    const viaClient = await client
      .index(experts)
      .searchForFacetValues({ facetName: 'technologySlugs', facetQuery: 'diffraction' });
    expect(viaClient.facetHits).toEqual([{ value: 'xrd', count: 1 }]);

    // Bad input names its field; the engine's own refusals keep their status.
    for (const [body, code] of [
      [{}, 'invalid_facet_search_facet_name'],
      [{ facetName: 7 }, 'invalid_facet_search_facet_name'],
      [{ facetName: 'technologySlugs', facetQuery: 5 }, 'invalid_facet_search_facet_query'],
      [
        { facetName: 'technologySlugs', facetQuery: 'x'.repeat(201) },
        'invalid_facet_search_facet_query',
      ],
      [{ facetName: 'name' }, 'invalid_search_facets'],
    ] as const) {
      const answer = await facetSearch(body);
      expect([body, answer.status, answer.body.code]).toEqual([body, 400, code]);
    }
    expect((await facetSearch({ facetName: 'technologySlugs' }, t.keys.admin)).status).toBe(401);
    const foreign = await post(
      '/search/indexes/other/facet-search',
      { facetName: 'x' },
      anonymous.token,
    );
    expect(foreign.status).toBe(404);
  });

  it('answers 404 to every other engine route, and to indexes that are not this deployment’s', async () => {
    const { token } = anonymous;
    const call = (method: string, path: string) =>
      fetch(`${t.url}/search${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
      });
    for (const [method, path] of [
      ['GET', '/keys'],
      ['POST', '/keys'],
      ['GET', '/indexes'],
      ['GET', '/indexes/x/documents'],
      ['POST', '/indexes/x/documents'],
      ['DELETE', '/indexes/x'],
      ['DELETE', `/indexes/${anonymous.indexes[0]}/documents`],
      ['GET', `/indexes/${anonymous.indexes[0]}/search`],
      ['PATCH', `/indexes/${anonymous.indexes[0]}/settings`],
      ['POST', '/swap-indexes'],
      ['GET', '/tasks'],
      ['POST', '/indexes/proxy_other/search'],
    ]) {
      expect([method, path, (await call(method as string, path as string)).status]).toEqual([
        method,
        path,
        404,
      ]);
    }
    const foreign = await post('/search/multi-search', { queries: [{ indexUid: 'other' }] }, token);
    expect(foreign.status).toBe(404);
  });

  it('refuses the master key, API keys and anything but a search token of its own', async () => {
    const experts = anonymous.indexes[0] as string;
    const search = (bearer?: string) =>
      post(`/search/indexes/${experts}/search`, { q: '' }, bearer);
    for (const bearer of [undefined, server?.masterKey, t.keys.admin, 'not-a-jwt', 'a.b.c']) {
      const res = await search(bearer);
      expect([bearer, res.status]).toEqual([bearer, 401]);
      expect(((await res.json()) as { code: string }).code).toMatch(/search_token$/);
    }
    // A token signed with another key (the master key) is not forwarded.
    const [header, payload] = anonymous.token.split('.');
    expect((await search(`${header}.${payload}.${'A'.repeat(43)}`)).status).toBe(401);
    // A wrong body is the caller's error, and a large one is refused before it is read through.
    const url = `/search/indexes/${experts}/search`;
    expect((await post(url, 'not json', anonymous.token)).status).toBe(400);
    const huge = JSON.stringify({ q: 'x'.repeat(200 * 1024) });
    expect((await post(url, huge, anonymous.token)).status).toBe(413);
    // The engine's own 4xx keep their status.
    const badFilter = await post(url, { q: '', filter: 'nope ===' }, anonymous.token);
    expect(badFilter.status).toBe(400);
  });

  it("ends a key's tokens, with their search rules, as soon as the key is revoked", async () => {
    const keys = t.app.get(ApiKeysService);
    const { key, secret } = await keys.create({ name: 'Soon revoked', role: Role.STAFF });
    const minted = await t.gql<{ createSearchToken: Minted }>(MINT, {}, secret);
    const { token, indexes } = minted.data?.createSearchToken as Minted;
    const search = () =>
      post(`/search/indexes/${indexes[0]}/search`, { q: 'Proxy', limit: 100 }, token);
    // A staff key's token searches with the key's rules: every visibility.
    const before = await search();
    expect(before.status).toBe(200);
    expect(names(((await before.json()) as { hits: unknown[] }).hits)).toEqual([
      'Proxy MEMBERS',
      'Proxy PUBLIC',
      'Proxy STAFF',
    ]);
    await keys.revoke(key.id);
    const after = await search();
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({
      code: 'invalid_search_token',
      message: 'The API key that minted this search token is unknown or revoked.',
      type: 'auth',
    });
    const multi = await post(
      '/search/multi-search',
      { queries: [{ indexUid: indexes[0], q: 'Proxy' }] },
      token,
    );
    expect(multi.status).toBe(401);
    // A token minted without a key has no key to revoke.
    expect((await post(`/search/indexes/${indexes[0]}/search`, {}, anonymous.token)).status).toBe(
      200,
    );
  });

  it('lets any page call it (CORS), with the client’s headers', async () => {
    const preflight = await fetch(`${t.url}/search/multi-search`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://anywhere.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-meilisearch-client',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-meilisearch-client/);
    const real = await post(
      `/search/indexes/${anonymous.indexes[0]}/search`,
      { q: 'Proxy' },
      anonymous.token,
      { origin: 'https://anywhere.example' },
    );
    expect(real.status).toBe(200);
    expect(real.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
  });

  it('keeps serving a token after Kenner restarts, answers 503 while the engine is down, and is rate limited', async () => {
    await t.close();
    t = await startTestApp({
      // Counted as anonymous callers: this test sends 3 requests, the 4th is one too many.
      env: { ...env(), PUBLIC_URL: 'https://kenner.example/', RATE_LIMIT_ANONYMOUS: '3' },
      listen: port,
      database,
      keep: true,
    });
    // PUBLIC_URL names the host whatever the request's.
    const minted = await t.gql(MINT, {}, null);
    expect(minted.data?.createSearchToken.host).toBe('https://kenner.example/search');
    const browser = new Meilisearch({ host: anonymous.host, apiKey: anonymous.token });
    const found = await browser.index(anonymous.indexes[0] as string).search('Proxy');
    expect(names(found.hits)).toEqual(['Proxy PUBLIC']);

    await server?.stop();
    const down = await post(
      `/search/indexes/${anonymous.indexes[0]}/search`,
      { q: 'Proxy' },
      anonymous.token,
    );
    expect(down.status).toBe(503);
    expect(((await down.json()) as { code: string }).code).toBe('search_unavailable');
    const limited = await post(
      `/search/indexes/${anonymous.indexes[0]}/search`,
      { q: 'Proxy' },
      anonymous.token,
    );
    expect(limited.status).toBe(429);
  });
});
