import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

// Docker cannot run here: the production image is checked by reading what builds it, the
// Dockerfile, its .dockerignore and the lockfile that `npm prune --omit=dev` works from.
const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/** Sources of the Dockerfile's `COPY` lines that read the build context (not `--from=`). */
function contextCopies(): string[] {
  return read('Dockerfile')
    .split('\n')
    .filter((line) => /^COPY\s/.test(line) && !line.includes('--from='))
    .flatMap((line) => line.trim().split(/\s+/).slice(1, -1));
}

/** Files of the repository that `docker build .` sends, given .dockerignore's top-level names. */
function buildContext(): string[] {
  const ignored = read('.dockerignore')
    .split('\n')
    .map((line) => line.trim().replace(/\/$/, ''))
    .filter((line) => line && !line.startsWith('#'));
  const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
  return files.filter((f) => f && !ignored.some((i) => f === i || f.startsWith(`${i}/`)));
}

interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
}
const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, LockEntry> };
const manifest = JSON.parse(read('package.json')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/**
 * Packages left by `npm prune --omit=dev --omit=optional`. Optional goes too: npm keeps a
 * devDependency that is also an optional peer of a runtime package (`devOptional`: TypeScript,
 * through @nestjs/graphql), and the bundled Meilisearch binary has no place in the image.
 */
const pruned = new Set(
  Object.entries(lock.packages)
    .filter(
      ([path, entry]) =>
        path.startsWith('node_modules/') && !entry.dev && !entry.devOptional && !entry.optional,
    )
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
);

/** The package of every value import in the product's source, with one file that imports it. */
function productImports(dir = join(root, 'src')): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, 'utf8');
    const specifiers = [
      ...text.matchAll(/^(?:import|export)\b(?!\s+type\b)[^;]*?\bfrom\s+'([^']+)';/gm),
      ...text.matchAll(/^import\s+'([^']+)';/gm),
      ...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g),
    ].map((match) => match[1]!);
    for (const spec of specifiers) {
      if (spec.startsWith('.') || spec.startsWith('node:')) continue;
      const parts = spec.split('/');
      const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      if (!builtinModules.includes(name)) found.set(name, path.slice(root.length));
    }
  }
  return found;
}

describe('the production image', () => {
  it('is built from src/ and never sends tools, tests or docs in its context', () => {
    const context = buildContext();
    for (const folder of ['tools/', 'test/', 'docs/', 'lint/', 'scripts/']) {
      expect(context.filter((f) => f.startsWith(folder))).toEqual([]);
    }
    expect(context.some((f) => f.startsWith('src/'))).toBe(true);
    expect(contextCopies().filter((source) => /^(tools|test|docs)\b/.test(source))).toEqual([]);
    for (const source of contextCopies()) {
      expect([source, context.some((f) => f === source || f.startsWith(`${source}/`))]).toEqual([
        source,
        true,
      ]);
    }
  });

  it('builds with tsconfig.build.json, which compiles src/ alone, and the widget beside it', () => {
    expect(read('Dockerfile')).toMatch(
      /RUN npm run build && npm prune --omit=dev --omit=optional\n/,
    );
    const build = JSON.parse(read('tsconfig.build.json')) as { include: string[] };
    expect(build.include).toEqual(['src']);
    expect(JSON.parse(read('package.json')).scripts.build).toBe(
      'tsc -p tsconfig.build.json && node widget/build.mjs',
    );
    // The widget's build writes into dist/, which the final stage copies whole.
    expect(contextCopies()).toContain('widget');
    expect(read('widget/build.mjs')).toMatch(
      /join\(import\.meta\.dirname, '\.\.', 'dist', 'widget'\)/,
    );
  });

  it('keeps no devDependency after the pruned install', () => {
    const kept = Object.keys(manifest.devDependencies).filter((name) => pruned.has(name));
    expect(kept).toEqual([]);
  });

  it('needs at run time only packages that the pruned install keeps', () => {
    const imports = productImports();
    expect(imports.size).toBeGreaterThan(10);
    const missing = [...imports].filter(([name]) => !pruned.has(name));
    expect(missing).toEqual([]);
    for (const name of imports.keys()) {
      expect([name, name in manifest.devDependencies]).toEqual([name, false]);
    }
  });
});
