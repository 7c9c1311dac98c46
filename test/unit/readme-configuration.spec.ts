import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { Environment, loadEnvironment } from '../../src/config/environment.js';

// docs/configuration.md must name every environment variable the product reads, and nothing else;
// the README's shorter table, only variables of that page, with the same default and meaning.
// Both sides are read, never listed here: the code's side from the settings class and from
// `process.env.NAME` in src/, the documents' side from their tables.
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

/** Each variable row of a configuration table: name → its cells, spaces collapsed. */
function tableRows(text: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of text.split('\n').filter((l) => l.startsWith('|'))) {
    const cells = line.split('|').map((cell) => cell.trim());
    const name = (cells[1] ?? '').replace(/`/g, '');
    if (/^[A-Z][A-Z0-9_]*$/.test(name)) rows.set(name, cells.join('|'));
  }
  return rows;
}

/** The variable names of a table, repeats kept (so a repeat can be caught). */
function tableVariables(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => (line.split('|')[1] ?? '').trim().replace(/`/g, ''))
    .filter((cell) => /^[A-Z][A-Z0-9_]*$/.test(cell));
}

/** The README's `## Configuration` section. */
function readmeSection(readme: string): string {
  const section = readme.split(/^## /m).find((part) => part.startsWith('Configuration\n'));
  if (!section) throw new Error('README.md has no "## Configuration" section');
  return section;
}

const sorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

describe('the configuration tables (docs/configuration.md, and the README)', () => {
  const page = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');
  const readme = readmeSection(readFileSync(join(root, 'README.md'), 'utf8'));
  const inCode = sorted([
    ...variablesLoadEnvironmentReads(),
    ...validatedSettings(),
    ...variablesReadDirectly(),
  ]);
  const inPage = tableVariables(page);

  it('finds the variables on both sides', () => {
    // Guards the parsers: an empty side would make the comparison below pass vacuously.
    expect(inCode).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'CORS_ORIGINS']));
    expect(inPage.length).toBeGreaterThan(10);
  });

  it('names every variable the code reads, and no other', () => {
    const documented = new Set(inPage);
    const read = new Set(inCode);
    expect({
      missingFromThePage: inCode.filter((name) => !documented.has(name)),
      notReadByTheCode: sorted(inPage.filter((name) => !read.has(name))),
    }).toEqual({ missingFromThePage: [], notReadByTheCode: [] });
  });

  it('lists each variable once', () => {
    expect(inPage.filter((name, i) => inPage.indexOf(name) !== i)).toEqual([]);
  });

  it("README's short table: variables of the page, with the page's default and meaning", () => {
    const full = tableRows(page);
    const short = [...tableRows(readme)];
    expect(short.length).toBeGreaterThan(5);
    for (const [name, row] of short) expect([name, row]).toEqual([name, full.get(name)]);
  });
});
