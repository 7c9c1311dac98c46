import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { Environment, loadEnvironment } from '../../src/config/environment.js';

// The README's configuration table must name every environment variable the product reads, and
// nothing else. Both sides are read, never listed here: the code's side from the settings class
// and from `process.env.NAME` in src/, the README's side from its table.
const root = fileURLToPath(new URL('../..', import.meta.url));

/** What `loadEnvironment` asks the environment for, recorded while it runs. */
function variablesLoadEnvironmentReads(): string[] {
  const read = new Set<string>();
  const recorder: NodeJS.ProcessEnv = new Proxy(
    {},
    {
      get: (_target, key) => {
        if (typeof key === 'string') read.add(key);
        return undefined;
      },
    },
  );
  loadEnvironment(recorder);
  return [...read];
}

/** Every property the settings classes validate (the inherited edge limits included). */
function validatedSettings(): string[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(Environment, '', true, false)
    .map((metadata) => metadata.propertyName);
}

function productSourceFiles(dir = join(root, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productSourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `process.env.NAME`, `process.env['NAME']` and `process.env["NAME"]` anywhere in the product. */
function variablesReadDirectly(): string[] {
  const access =
    /process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]\s*\])/g;
  return productSourceFiles().flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(access)].map((m) => (m[1] ?? m[2]) as string),
  );
}

/** The first cell of every row of the table under `## Configuration`, without backticks. */
function readmeTableVariables(readme: string): string[] {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Configuration\n'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => (line.split('|')[1] ?? '').trim().replace(/`/g, ''))
    .filter((cell) => /^[A-Z][A-Z0-9_]*$/.test(cell));
}

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

describe('README configuration table', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const inCode = sorted([
    ...variablesLoadEnvironmentReads(),
    ...validatedSettings(),
    ...variablesReadDirectly(),
  ]);
  const inReadme = readmeTableVariables(readme);

  it('finds the variables on both sides', () => {
    // Guards the parsers: an empty side would make the comparison below pass vacuously.
    expect(inCode).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'CORS_ORIGINS']));
    expect(inReadme.length).toBeGreaterThan(10);
  });

  it('names every variable the code reads, and no other', () => {
    const documented = new Set(inReadme);
    const read = new Set(inCode);
    expect({
      missingFromReadme: inCode.filter((name) => !documented.has(name)),
      notReadByTheCode: sorted(inReadme.filter((name) => !read.has(name))),
    }).toEqual({ missingFromReadme: [], notReadByTheCode: [] });
  });

  it('lists each variable once', () => {
    expect(inReadme.filter((name, i) => inReadme.indexOf(name) !== i)).toEqual([]);
  });
});
