import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { BUDGET_GZIP_BYTES } from '../../widget/budget.mjs';
import { packageFile } from '../../src/common/package-root.js';

/** `npm test` builds the widget first (pretest runs `npm run build`). */
describe('the widget bundle', () => {
  const code = readFileSync(packageFile('dist', 'widget', 'kenner-search.js'));

  it(`is at most ${BUDGET_GZIP_BYTES / 1024} kB gzipped`, () => {
    const gzipped = gzipSync(code, { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
  });

  it('is one self-contained module: no import of anything else, no eval', () => {
    const text = code.toString('utf8');
    expect(text).not.toMatch(/\bimport\s*\(|\bimport\s*["'{*]|\bfrom\s*["']/);
    expect(text).not.toMatch(/\beval\(|new Function\(/);
    expect(text).not.toMatch(/innerHTML/);
  });
});
