import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  axeViolations,
  browserUnavailable,
  launchChromium,
  screenshot,
  serveSite,
  type StaticSite,
} from '../support/browser.js';
import { ApiKeysService } from '../../src/auth/api-keys.service.js';
import { Role } from '../../src/auth/caller.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const unavailable = browserUnavailable();
if (unavailable) console.warn(`Skipping the widget's browser tests: ${unavailable}`);
const describeInBrowser = unavailable ? describe.skip : describe;

/** A slug shown to a person is a bug: labels are names. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)+$/;

/**
 * <kenner-search> as an integrator uses it: a page on another origin with one script tag and one
 * element, in Debian's Chromium, against the real API, database and Meilisearch.
 */
describeInBrowser('<kenner-search> in a browser', () => {
  let t: TestApp;
  let site: StaticSite;
  let browser: Browser;
  const pageWith = (body: string, head = '') =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner site</title>` +
    `<script type="module" src="${t.url}/embed/v1/kenner-search.js"></script>${head}</head>` +
    `<body><main><h1>Find an expert</h1>${body}</main></body></html>`;

  beforeAll(async () => {
    t = await startTestApp({ demoExperts: 150, listen: true });
    await t.searchSynced();
    site = await serveSite({
      '/fr': pageWith('<kenner-search lang="fr"></kenner-search>'),
      '/de-cluster': pageWith('<kenner-search lang="de" cluster="lmmc"></kenner-search>'),
      '/hostile': pageWith(
        '<p class="card">host card</p><kenner-search></kenner-search>',
        '<style>* { color: rgb(255, 0, 0) !important; font-size: 40px; } button { display: none; }' +
          ' kenner-search { --kenner-accent: rgb(0, 102, 51); }' +
          ' kenner-search::part(card) { border-color: rgb(0, 0, 255); }</style>',
      ),
      '/nested': pageWith(
        '<framework-app></framework-app><script>customElements.define("framework-app", class extends HTMLElement {' +
          ' connectedCallback() { this.attachShadow({ mode: "open" }).innerHTML =' +
          ' "<section lang=\\"nl\\"><kenner-search></kenner-search></section>"; } });</script>',
      ),
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await t?.close();
  });

  async function open(path: string, viewport = { width: 1200, height: 900 }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(`${site.url}${path}`);
    await statusLine(page).filter({ hasText: /\d/ }).waitFor();
    return page;
  }

  const widget = (page: Page, css: string) => page.locator(`kenner-search ${css}`);
  const statusLine = (page: Page) => widget(page, '.status');
  const status = (page: Page) => statusLine(page).innerText();
  /** Runs `act`, then waits until the status announces something else than before. */
  async function searching(page: Page, act: () => Promise<unknown>): Promise<string> {
    const before = await status(page);
    await act();
    await statusLine(page).filter({ hasNotText: before }).waitFor();
    return status(page);
  }
  const labels = (page: Page, facet: string) =>
    widget(page, `#facet-${facet} label > span:first-of-type`).allInnerTexts();
  const focused = (target: Locator) => target.evaluate((el) => el.matches(':focus'));
  /** Presses Tab until `target` has the focus, as a keyboard user would. */
  async function tabTo(page: Page, target: Locator): Promise<void> {
    for (let presses = 0; !(await focused(target)); presses++) {
      if (presses > 150) throw new Error('Tab never reached the target');
      await page.keyboard.press('Tab');
    }
  }
  const count = (text: string) => Number(text.replace(/\D/g, ''));
  /** A computed style, read in the page (through globalThis: this file has no DOM types). */
  const style = (target: Locator, property: string) =>
    target.evaluate((el, p) => (globalThis as any).getComputedStyle(el)[p] as string, property);

  it('finds X-ray diffraction experts for "DRX", with French labels, from another origin', async () => {
    const page = await open('/fr');
    const all = count(await status(page));
    const found = await searching(page, async () => {
      await widget(page, 'input[role=combobox]').first().fill('DRX');
      await widget(page, 'button[type=submit]').first().click();
    });
    expect(found).toMatch(/^\d+ experts? trouvés?$/);
    expect(count(found)).toBeLessThan(all);
    const matched = await widget(page, 'article.card .skill.matched').allInnerTexts();
    expect(matched.length).toBeGreaterThan(0);
    for (const skill of matched) expect(skill).toMatch(/^XRD · /);

    const techniques = await labels(page, 'technology');
    expect(techniques).toContain('Diffraction des rayons X');
    expect(await labels(page, 'country')).toEqual(
      expect.arrayContaining(['Luxembourg', 'France', 'Belgique']),
    );
    expect(await labels(page, 'language')).toContain('allemand');
    for (const facet of ['technology', 'material', 'country', 'organisation_type', 'language']) {
      for (const label of await labels(page, facet)) expect(label).not.toMatch(SLUG);
    }
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'results-fr');
    await page.close();
  });

  it('suggests techniques, filters by facet and pages', async () => {
    const page = await open('/fr');
    const input = widget(page, 'input[role=combobox]').first();
    await input.fill('rontgenbeugung');
    const option = widget(page, '[role=option]').first();
    await expect(option.innerText()).resolves.toContain('Diffraction des rayons X');
    await expect(input.getAttribute('aria-expanded')).resolves.toBe('true');
    await screenshot(page, 'suggestions-fr');
    const filtered = await searching(page, () => option.click());
    await expect(widget(page, '.chip').first().innerText()).resolves.toContain(
      'Diffraction des rayons X',
    );
    const france = widget(page, '#facet-country label').filter({ hasText: 'France' });
    const inFrance = await searching(page, () => france.locator('input').check());
    expect(count(inFrance)).toBeLessThan(count(filtered));
    for (const where of await widget(page, 'article.card p.muted').allInnerTexts()) {
      expect(where).toContain('France');
    }
    await france.locator('input').uncheck();
    await statusLine(page).filter({ hasText: filtered }).waitFor();
    await widget(page, 'nav.pager button').filter({ hasText: 'Suivant' }).click();
    await widget(page, 'nav.pager').filter({ hasText: 'Page 2 sur' }).waitFor();
    await page.close();
  });

  it('offers close techniques when nothing matches', async () => {
    const page = await open('/fr');
    const none = await searching(page, async () => {
      await widget(page, 'input[role=combobox]').first().fill('zzyzx difraction');
      await widget(page, 'button[type=submit]').first().click();
    });
    expect(none).toBe('Aucun expert trouvé');
    await expect(widget(page, '.empty p').first().innerText()).resolves.toBe(
      'Aucun expert ne correspond à « zzyzx difraction ».',
    );
    const close = widget(page, '.empty button.chip');
    await expect(close.allInnerTexts()).resolves.toContain('Diffraction des rayons X');
    const found = await searching(page, () =>
      close.filter({ hasText: 'Diffraction des rayons X' }).click(),
    );
    expect(count(found)).toBeGreaterThan(0);
    await page.close();
  });

  it('searches near a town, nearest first, with the distance on each card', async () => {
    const page = await open('/fr');
    const all = count(await status(page));
    await widget(page, '#kenner-town').fill('esch');
    const town = widget(page, '#kenner-towns-listbox [role=option]').first();
    await expect(town.innerText()).resolves.toMatch(/^Esch-sur-Alzette\s+Luxembourg$/);
    const near = await searching(page, () => town.click());
    expect(count(near)).toBeLessThan(all);
    await expect(widget(page, '.chip').first().innerText()).resolves.toMatch(
      /^Près de Esch-sur-Alzette · 50\skm ×$/,
    );
    await expect(widget(page, '#kenner-sort').inputValue()).resolves.toBe('DISTANCE');
    const distances = (await widget(page, 'article.card p.muted').allInnerTexts()).map((text) =>
      Number(/à ([\d,]+)\skm/.exec(text)?.[1]?.replace(',', '.')),
    );
    expect(distances.length).toBeGreaterThan(0);
    for (const km of distances) expect(km).toBeLessThanOrEqual(50);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    await page.close();
  });

  it("searches near the visitor's position when the visitor allows it", async () => {
    const context = await browser.newContext({
      geolocation: { latitude: 49.4958, longitude: 5.9806 }, // Esch-sur-Alzette
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await page.goto(`${site.url}/fr`);
    await statusLine(page).filter({ hasText: /\d/ }).waitFor();
    await searching(page, () =>
      widget(page, 'button').filter({ hasText: 'Utiliser ma position' }).click(),
    );
    await expect(widget(page, '.chip').first().innerText()).resolves.toMatch(
      /^Près de Ma position · 50\skm ×$/,
    );
    await expect(widget(page, 'article.card p.muted').first().innerText()).resolves.toMatch(
      /à [\d,]+\skm$/,
    );
    await context.close();
  });

  it('switches language with its attribute, and keeps to its cluster', async () => {
    const page = await open('/de-cluster');
    expect(await status(page)).toMatch(/Experten? gefunden$/);
    await expect(widget(page, '#facet-technology legend').innerText()).resolves.toBe('Technik');
    expect(await labels(page, 'country')).toContain('Luxemburg');
    const cluster = count(await status(page));
    const all = await browser.newPage();
    await all.goto(`${site.url}/fr`);
    await statusLine(all).filter({ hasText: /\d/ }).waitFor();
    expect(cluster).toBeLessThan(count(await status(all)));
    await all.close();

    await searching(page, () =>
      page.evaluate(`document.querySelector('kenner-search').setAttribute('lang', 'nl')`),
    );
    await expect(widget(page, '#facet-technology legend').innerText()).resolves.toBe('Techniek');
    expect(await status(page)).toMatch(/gevonden$/);
    await page.close();
  });

  it('submits an inquiry that staff then see, by keyboard only', async () => {
    const page = await open('/fr');
    // From the page's top: Tab into the widget's query box, choose a technique with the arrows.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(`document.activeElement?.tagName`)).resolves.toBe('KENNER-SEARCH');
    await page.keyboard.type('XRD');
    await widget(page, '[role=option]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const input = widget(page, 'input[role=combobox]').first();
    await expect(input.getAttribute('aria-activedescendant')).resolves.toBe(
      'kenner-techniques-option-0',
    );
    await searching(page, () => page.keyboard.press('Enter'));
    await widget(page, '.chip').first().waitFor();

    // The first result's "request an analysis" button, reached with Tab.
    await tabTo(page, widget(page, 'article.card button').first());
    await page.keyboard.press('Enter');
    await expect(focused(widget(page, '#inquiry-requesterName'))).resolves.toBe(true);
    await page.keyboard.type('Anne Keyboard');
    await page.keyboard.press('Tab');
    await page.keyboard.type('anne.keyboard@example.lu');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Acier Keyboard SA');
    await page.keyboard.press('Tab'); // the country list: Luxembourg is chosen
    await page.keyboard.press('Tab');
    await expect(focused(widget(page, '#inquiry-description'))).resolves.toBe(true);
    await page.keyboard.press('End');
    await page.keyboard.type(' Analyse de phases sur des tôles d’acier, 12 échantillons.');
    await tabTo(page, widget(page, '#inquiry-consent')); // past the (empty) deadline
    await page.keyboard.press('Space');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'inquiry-form-fr');
    await tabTo(page, widget(page, '.inquiry button[type=submit]'));
    await page.keyboard.press('Enter');
    const notice = widget(page, '.inquiry .notice');
    await notice.waitFor();
    const reference = /KNR-\d{4}-\d{6}/.exec(await notice.innerText())?.[0];
    expect(reference).toBeDefined();
    await screenshot(page, 'inquiry-sent-fr');

    const staff = await t.gql(
      `query($id: ID!) { inquiry(id: $id) {
      reference requesterName organisation country description technologyIds }
        technology(slug: "x-ray-diffraction") { id } }`,
      {
        id: reference,
      },
    );
    expect(staff.errors).toBeUndefined();
    expect(staff.data?.inquiry).toMatchObject({
      reference,
      requesterName: 'Anne Keyboard',
      organisation: 'Acier Keyboard SA',
      country: 'LU',
    });
    expect(staff.data?.inquiry.technologyIds).toEqual([staff.data?.technology.id]);
    expect(staff.data?.inquiry.description).toContain('12 échantillons');
    await page.close();
  });

  it('names the field Kenner refused, beside it, and stores nothing', async () => {
    const page = await open('/fr');
    await widget(page, '.row > button').filter({ hasText: 'Demander une analyse' }).first().click();
    await widget(page, '#inquiry-requesterName').fill('Bad Mail');
    await widget(page, '#inquiry-email').fill('not-an-address@');
    await widget(page, '#inquiry-organisation').fill('Nowhere');
    await widget(page, '#inquiry-description').fill('Phase analysis of steel sheets.');
    await widget(page, '#inquiry-consent').check();
    const [before] = await t.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM inquiries');
    await widget(page, '.inquiry button[type=submit]').click();
    await widget(page, '#inquiry-email[aria-invalid=true]').waitFor();
    await expect(widget(page, '#inquiry-email-error').innerText()).resolves.toMatch(/e-?mail/i);
    const [after] = await t.db.query<{ n: string }[]>('SELECT COUNT(*) AS n FROM inquiries');
    expect(Number(after?.n)).toBe(Number(before?.n));
    await page.close();
  });

  it('keeps its styles to itself, and takes the theme the page gives it', async () => {
    const page = await open('/hostile');
    const button = widget(page, 'button[type=submit]').first();
    await expect(button.isVisible()).resolves.toBe(true);
    await expect(style(button, 'backgroundColor')).resolves.toBe('rgb(0, 102, 51)');
    const card = widget(page, 'article.card').first();
    await expect(style(card, 'borderTopColor')).resolves.toBe('rgb(0, 0, 255)');
    await expect(style(widget(page, '.card .name').first(), 'color')).resolves.not.toBe(
      'rgb(255, 0, 0)',
    );
    // And nothing of the widget's reaches the host page's own .card.
    await expect(style(page.locator('main > p.card'), 'borderTopStyle')).resolves.toBe('none');
    await page.close();
  });

  it("works inside another framework's shadow root, in that root's language", async () => {
    const page = await open('/nested');
    expect(await status(page)).toMatch(/gevonden$/);
    expect(await labels(page, 'country')).toContain('Duitsland');
    await page.close();
  });

  it("shows what a partner's search token may see, and asks the page for a fresh one", async () => {
    const [member] = await t.db.query<{ name: string }[]>(
      `SELECT e.name FROM experts e
         JOIN organisation_clusters m ON m."organisationId" = e."organisationId"
         JOIN clusters c ON c.id = m."clusterId"
       WHERE e.visibility = 'MEMBERS' AND c.slug = 'lmmc' ORDER BY e.name LIMIT 1`,
    );
    expect(member).toBeDefined();
    const { secret } = await t.app
      .get(ApiKeysService)
      .create({ name: 'LMMC site', role: Role.PARTNER, clusters: ['lmmc'] });
    // The partner's server mints it; the page only ever holds the token.
    const minted = await t.gql(
      `mutation { createSearchToken(indexes: [EXPERTS]) { token } }`,
      {},
      secret,
    );
    const token: string = minted.data?.createSearchToken.token;
    expect(token).toMatch(/^eyJ/);

    const page = await open('/fr');
    const find = async (name: string) => {
      await widget(page, 'input[role=combobox]').first().fill(`"${name}"`);
      // The search starts on submit (aria-busy) and has answered when aria-busy is gone.
      await widget(page, 'button[type=submit]').first().click();
      await widget(page, '.root:not([aria-busy])').waitFor();
      return widget(page, '.card .name').allInnerTexts();
    };
    expect(await find(member!.name)).not.toContain(member!.name);

    // A token the API refuses (here a forged one) makes the widget call the page's provider.
    await page.evaluate(
      `(() => { const el = document.querySelector('kenner-search');
         el.tokenProvider = async () => { window.refreshed = (window.refreshed ?? 0) + 1; return ${JSON.stringify(token)}; };
         el.setAttribute('token', 'eyJhbGciOiJIUzI1NiJ9.eyJ9.forged'); })()`,
    );
    expect(await find(member!.name)).toContain(member!.name);
    await expect(page.evaluate('window.refreshed')).resolves.toBe(1);
    await page.close();
  });

  it('fits a phone', async () => {
    const page = await open('/fr', { width: 390, height: 844 });
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    // The filters fold above the results, one tap away.
    await expect(widget(page, 'details.filters').getAttribute('open')).resolves.toBeNull();
    await widget(page, 'details.filters summary').click();
    await widget(page, '#facet-country').waitFor();
    await screenshot(page, 'phone-fr');
    await page.close();
  });
});
