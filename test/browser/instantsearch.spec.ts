import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page, Request, Route } from 'playwright-core';
import { SearchEngine } from '../../src/search/engine/search-engine.service.js';
import { SEARCH_INDEXES } from '../../src/search/indexes/search-indexes.js';
import {
  browserUnavailable,
  launchChromium,
  screenshot,
  serveSite,
  type StaticSite,
} from '../support/browser.js';
import { must } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import type { TestDatabase } from '../support/test-database.js';

// Jest's ES module runner has no import.meta.dirname.
const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));
const MODULES = join(EXAMPLES, 'node_modules');

/** The example needs its own packages (served in place of the CDN): `npm ci --prefix examples`. */
function examplesUnavailable(): string | undefined {
  if (existsSync(join(MODULES, '@meilisearch', 'instant-meilisearch', 'package.json'))) {
    return undefined;
  }
  const reason = 'examples/node_modules is absent (npm ci --prefix examples)';
  if (process.env.KENNER_REQUIRE_BROWSER === '1') {
    throw new Error(`KENNER_REQUIRE_BROWSER=1 but ${reason}`);
  }
  return reason;
}

const unavailable = browserUnavailable() ?? examplesUnavailable();
if (unavailable) console.warn(`Skipping the InstantSearch example's browser tests: ${unavailable}`);
const describeInBrowser = unavailable ? describe.skip : describe;

const CDN = 'https://cdn.jsdelivr.net/npm/';
const HIDDEN = 'Zéphyrine Membres-Seulement';
const WIDEN = 'visibility = MEMBERS OR visibility = PUBLIC';
/** A slug shown to a person is a bug: labels are names. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)+$/;
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css' };

/**
 * A CDN URL pinned in the example (`<package>@<version>/<file>`), answered from examples/node_modules
 * when that holds exactly this version: the page runs as published, without a network.
 */
async function fromNodeModules(route: Route): Promise<void> {
  const match = /^((?:@[^/]+\/)?[^@/]+)@([^/]+)\/(.+)$/.exec(
    route.request().url().slice(CDN.length),
  );
  const [, name = '', version, file = ''] = match ?? [];
  const dir = join(MODULES, name);
  const installed = existsSync(join(dir, 'package.json'))
    ? (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version
    : undefined;
  if (!match || installed !== version || !existsSync(join(dir, file))) {
    throw new Error(`the example loads ${route.request().url()}: not in examples/node_modules`);
  }
  await route.fulfill({
    body: readFileSync(join(dir, file)),
    headers: {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
    },
  });
}

interface Minted {
  host: string;
  token: string;
  indexes: string[];
  expiresAt: string;
}

/**
 * examples/instantsearch as an integrator runs it: a static page on another origin, the pinned
 * InstantSearch and instant-meilisearch builds, an anonymous token from Kenner's GraphQL, and
 * searches on Kenner's own /search — in Debian's Chromium, against the real API and engine.
 */
describeInBrowser('the InstantSearch example in a browser', () => {
  const prefix = `is${process.pid}_${Math.random().toString(36).slice(2, 8)}_`;
  let t: TestApp;
  let database: TestDatabase;
  let port: number;
  let site: StaticSite;
  let browser: Browser;
  const start = (options: { database?: TestDatabase } = {}) =>
    startTestApp({
      env: { MEILI_INDEX_PREFIX: prefix },
      listen: port || true,
      keep: true,
      ...(options.database ? { database: options.database } : { demoExperts: 150 }),
    });

  beforeAll(async () => {
    t = await start();
    database = t.database;
    port = Number(new URL(t.url ?? '').port);
    // An expert only members may see, with a technique everyone searches for.
    const refs = await t.gql(
      `{ organisations(first: 1) { edges { node { id } } } technology(slug: "x-ray-diffraction") { id } }`,
    );
    await must(
      t,
      `mutation($input: CreateExpertInput!) { createExpert(input: $input) { id } }`,
      'createExpert',
      {
        input: {
          name: HIDDEN,
          email: 'zephyrine@members.example',
          organisationId: refs.data?.organisations.edges[0].node.id,
          visibility: 'MEMBERS',
          skills: [{ technologyId: refs.data?.technology.id, level: 'EXPERT' }],
        },
      },
    );
    await t.searchSynced();
    const html = readFileSync(join(EXAMPLES, 'instantsearch', 'index.html'), 'utf8');
    expect(html).toContain('content="http://localhost:3000"');
    site = await serveSite({
      '/': html.replace('content="http://localhost:3000"', `content="${t.url}"`),
      '/search.js': readFileSync(join(EXAMPLES, 'instantsearch', 'search.js'), 'utf8'),
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (t) {
      const engine = t.app.get(SearchEngine);
      for (const name of Object.keys(SEARCH_INDEXES)) {
        await engine.client.deleteIndexIfExists(engine.index(name)).catch(() => undefined);
      }
      await t.close();
    }
    await database?.drop();
  });

  /** What the page did: the tokens it minted, and each /search call with its token and status. */
  interface Traffic {
    minted: Minted[];
    searches: { token: string; status: number; path: string }[];
    /** Mint answers still being read; `settled` awaits them. */
    pending: Promise<unknown>[];
  }
  const settled = (traffic: Traffic) => Promise.all(traffic.pending);

  async function open(lifetimeSeconds?: number): Promise<{ page: Page; traffic: Traffic }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const traffic: Traffic = { minted: [], searches: [], pending: [] };
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.route(`${CDN}**`, fromNodeModules);
    if (lifetimeSeconds) {
      // The same page, with tokens that expire during the test.
      await page.route(`${t.url}/graphql`, (route) => {
        const body = route.request().postData() ?? '';
        return route.continue({
          postData: body.replace('expiresInSeconds: 600', `expiresInSeconds: ${lifetimeSeconds}`),
        });
      });
    }
    page.on('response', (response) => {
      const request: Request = response.request();
      const url = new URL(request.url());
      if (url.pathname === '/graphql' && request.postData()?.includes('createSearchToken')) {
        const minted = response.json() as Promise<{ data: { createSearchToken: Minted } }>;
        traffic.pending.push(
          minted.then((body) => traffic.minted.push(body.data.createSearchToken)),
        );
      } else if (url.pathname.startsWith('/search/') && request.method() === 'POST') {
        const token = request.headers().authorization?.replace(/^Bearer /, '') ?? '';
        traffic.searches.push({ token, status: response.status(), path: url.pathname });
      }
    });
    await page.goto(`${site.url}/`);
    await page.locator('.ais-Hits-item').first().waitFor();
    await settled(traffic);
    return { page, traffic };
  }

  const hitNames = (page: Page) => page.locator('.ais-Hits-item h2').allInnerTexts();
  const facetLabels = (page: Page, container: string) =>
    page.locator(`${container} .ais-RefinementList-labelText`).allInnerTexts();
  /** Types into the main search box and waits for the answer, as the page shows and as it came. */
  async function searchFor(page: Page, traffic: Traffic, query: string): Promise<string[]> {
    const before = await page.locator('#stats').innerText();
    const sent = traffic.searches.length;
    await page.locator('#searchbox input').fill(query);
    await page.locator('#stats').filter({ hasNotText: before }).waitFor();
    // Playwright reports responses on its own channel, maybe after the page has shown them.
    const deadline = Date.now() + 5_000;
    while (!traffic.searches.slice(sent).some((s) => s.status === 200)) {
      if (Date.now() > deadline) throw new Error(`no search answered 200 for "${query}"`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await settled(traffic);
    return hitNames(page);
  }

  it('finds X-ray diffraction experts for "DRX" through Kenner\'s /search, with labelled facets', async () => {
    const { page, traffic } = await open();
    expect(traffic.minted).toHaveLength(1);
    expect(traffic.minted[0]?.host).toBe(`${t.url}/search`);
    const found = await searchFor(page, traffic, 'DRX');
    expect(found.length).toBeGreaterThan(0);
    expect(await page.locator('.ais-Hits-item').first().innerText()).toContain(
      'Diffraction des rayons X',
    );
    const techniques = await facetLabels(page, '#techniques');
    expect(techniques).toContain('Diffraction des rayons X');
    expect(await facetLabels(page, '#countries')).toContain('Luxembourg');
    for (const label of [...techniques, ...(await facetLabels(page, '#countries'))]) {
      expect(label).not.toMatch(SLUG);
    }
    // The searchable technique list asks /search's facet-search, which matches names.
    const [facetSearch] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/facet-search')),
      page.locator('#techniques input[type=search]').fill('rayons'),
    ]);
    expect(facetSearch.status()).toBe(200);
    const others = page
      .locator('#techniques .ais-RefinementList-labelText')
      .filter({ hasNotText: /rayons/i });
    await others.first().waitFor({ state: 'detached' });
    expect(await facetLabels(page, '#techniques')).toContain('Diffraction des rayons X');
    await screenshot(page, 'instantsearch-fr');
    expect(traffic.searches.every((s) => s.status === 200)).toBe(true);
    await page.close();
  });

  it('never shows a members-only expert, whatever the browser filters', async () => {
    const { page, traffic } = await open();
    expect(await searchFor(page, traffic, HIDDEN)).not.toContain(HIDDEN);
    expect(await searchFor(page, traffic, 'DRX')).not.toContain(HIDDEN);
    // A raw multi-search from the page with the page's token, trying to widen the token's filter.
    const token = traffic.minted[0] as Minted;
    const answer = await page.evaluate<{
      status: number;
      body: { results: { hits: { name: string }[] }[] };
    }>(
      `fetch(${JSON.stringify(`${token.host}/multi-search`)}, {
        method: 'POST',
        headers: { authorization: 'Bearer ${token.token}', 'content-type': 'application/json' },
        body: JSON.stringify({ queries: [
          { indexUid: ${JSON.stringify(token.indexes[0])}, q: ${JSON.stringify(HIDDEN)}, filter: ${JSON.stringify(WIDEN)} },
          { indexUid: ${JSON.stringify(token.indexes[0])}, q: '', filter: 'visibility = MEMBERS' },
          { indexUid: ${JSON.stringify(token.indexes[0])}, q: 'DRX', filter: ${JSON.stringify(WIDEN)}, limit: 1000 },
        ] }),
      }).then(async (r) => ({ status: r.status, body: await r.json() }))`,
    );
    expect(answer.status).toBe(200);
    const [byName, members, drx] = answer.body.results;
    expect(byName?.hits.map((h) => h.name)).not.toContain(HIDDEN);
    expect(members?.hits).toEqual([]);
    expect(drx?.hits.length).toBeGreaterThan(0);
    expect(drx?.hits.map((h) => h.name)).not.toContain(HIDDEN);
    await page.close();
  });

  it('keeps searching with its token after Kenner restarts, refreshes it before it expires, and mints again when refused', async () => {
    const { page, traffic } = await open(20);
    const first = traffic.minted[0] as Minted;
    await t.close();
    t = await start({ database });
    expect(await searchFor(page, traffic, 'DRX')).not.toEqual([]);
    expect(traffic.searches.at(-1)).toEqual(
      expect.objectContaining({ token: first.token, status: 200 }),
    );

    // Halfway through its life the page has minted the next token; the first one then expires.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(Date.parse(first.expiresAt) - Date.now() + 1_000, 0)),
    );
    await settled(traffic);
    const next = traffic.minted.at(-1) as Minted;
    expect(next.token).not.toBe(first.token);
    expect(await searchFor(page, traffic, 'spectroscopie')).not.toEqual([]);
    expect(traffic.searches.at(-1)).toEqual(
      expect.objectContaining({ token: next.token, status: 200 }),
    );
    const expired = await fetch(`${first.host}/indexes/${first.indexes[0]}/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ q: 'DRX' }),
    });
    // Kenner checks the expiry itself (SearchTokenVerifier): 401, saying the token expired.
    expect(expired.status).toBe(401);
    const refusal = (await expired.json()) as { code: string; message: string };
    expect(refusal.code).toBe('invalid_search_token');
    expect(refusal.message).toMatch(/expired/);
    expect(traffic.searches.every((s) => s.status === 200)).toBe(true);

    // A rotated key refuses every token handed out: the page mints again and searches on.
    const rotated = await t.gql(
      'mutation { rotateSearchTokenKey { rotatedAt } }',
      {},
      t.keys.admin,
    );
    expect(rotated.errors).toBeUndefined();
    const minted = traffic.minted.length;
    const searched = traffic.searches.length;
    expect(await searchFor(page, traffic, 'MEB')).not.toEqual([]);
    await settled(traffic);
    // Kenner itself refuses a token of a key it no longer signs with: 401, not the engine's 403.
    expect(traffic.searches.slice(searched).map((s) => s.status)).toEqual([401, 200]);
    expect(traffic.minted.length).toBeGreaterThan(minted);
    expect(traffic.searches.at(-1)).toEqual(
      expect.objectContaining({ token: traffic.minted.at(-1)?.token, status: 200 }),
    );
    await page.close();
  });
});
