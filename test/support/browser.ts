import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { packageFile } from '../../src/common/package-root.js';

/** Debian's chromium (`apt-get install chromium`); never a browser download. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or undefined. They are skipped, saying why, on a machine
 * without Chromium; CI sets KENNER_REQUIRE_BROWSER=1 (and installs it), so there a missing
 * browser fails instead of skipping.
 */
export function browserUnavailable(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  if (process.env.KENNER_REQUIRE_BROWSER === '1') {
    throw new Error(`KENNER_REQUIRE_BROWSER=1 but ${reason}`);
  }
  return reason;
}

/**
 * Headless Chromium with the flags this machine needs: without the background-networking ones
 * it floods the closed network with refused connections. Playwright gives each launch a fresh
 * profile directory.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface StaticSite {
  /** `http://127.0.0.1:<port>`: another port, hence another origin, than Kenner's. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves fixed files (path → content: `.js` as JavaScript, the rest as HTML) the way an
 * integrator's own site would.
 */
export async function serveSite(pages: Record<string, string>): Promise<StaticSite> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages[path];
    if (page === undefined) {
      res.writeHead(404).end();
      return;
    }
    const type = path.endsWith('.js') ? 'text/javascript' : 'text/html';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe-core inside the page (open shadow roots included) and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );
  await page.addScriptTag({ content: source });
  // A string, so this file needs no DOM types: it runs in the page.
  return page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
}

/**
 * Where screenshots go: test-results/screenshots/ (not committed) unless SCREENSHOTS_DIR says
 * otherwise; `npm run docs:screenshots` points it at docs/widget/, the ones docs/widget.md shows.
 */
const SCREENSHOTS = process.env.SCREENSHOTS_DIR ?? packageFile('test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
