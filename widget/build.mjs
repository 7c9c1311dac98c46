// Builds <kenner-search> into dist/widget/, where Kenner serves it at /embed/v1/ (src/embed).
// `--check` also fails when the gzipped bundle is over its budget.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGET_GZIP_BYTES } from './budget.mjs';

const out = join(import.meta.dirname, '..', 'dist', 'widget');
const result = await build({
  entryPoints: [join(import.meta.dirname, 'src', 'kenner-search.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
  write: false,
  legalComments: 'none',
});
const code = result.outputFiles[0].contents;
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'kenner-search.js'), code);
const gzipped = gzipSync(code, { level: 9 }).length;
const line = `widget: ${(code.length / 1024).toFixed(1)} kB, ${(gzipped / 1024).toFixed(1)} kB gzipped (budget ${BUDGET_GZIP_BYTES / 1024} kB)`;
if (process.argv.includes('--check') && gzipped > BUDGET_GZIP_BYTES) {
  console.error(`${line}: over budget`);
  process.exit(1);
}
if (process.argv.includes('--check') || process.argv.includes('--verbose')) console.log(line);
