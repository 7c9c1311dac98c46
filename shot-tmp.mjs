import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
const p = await b.newPage({ viewport: { width: 1200, height: 900 } });
p.on('console', m => console.log('console', m.text()));
p.on('pageerror', e => console.log('pageerror', e.message));
await p.goto(process.argv[2]);
await p.waitForTimeout(2500);
if (process.argv[4]) { await p.locator('kenner-search input[role=combobox]').first().fill(process.argv[4]); await p.waitForTimeout(800); }
await p.screenshot({ path: process.argv[3], fullPage: true });
console.log(await p.locator('kenner-search .status').innerText());
await b.close();
