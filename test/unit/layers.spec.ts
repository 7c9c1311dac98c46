import { describe, expect, it } from '@jest/globals';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import layers from '../../lint/layers.mjs';

/** Lints `code` as if it stood at `file` (relative to the repository root) with `kenner/layers`. */
function lint(file: string, code: string): string[] {
  const linter = new Linter({ cwd: process.cwd() });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { kenner: layers },
        rules: { 'kenner/layers': 'error' },
      },
    ],
    { filename: `${process.cwd()}/${file}` },
  );
  return messages.map((m) => m.message);
}

describe('lint keeps the layers apart (kenner/layers)', () => {
  it('refuses an import from src/ into tools/, static or dynamic', () => {
    expect(lint('src/experts/x.ts', "import { a } from '../../tools/bench/load.js';")).toEqual([
      expect.stringContaining('must not depend on the tools'),
    ]);
    expect(lint('src/x.ts', "export * from '../tools/support/wait-for.js';")).toHaveLength(1);
    expect(lint('src/x.ts', "void import('../tools/drills/drill.command.js');")).toHaveLength(1);
    expect(lint('tools/bench/x.ts', "import { a } from '../../src/main.js';")).toEqual([]);
  });

  it('refuses meilisearch outside the search module', () => {
    expect(lint('src/experts/x.ts', "import { Meilisearch } from 'meilisearch';")).toEqual([
      expect.stringContaining('only the search module talks to Meilisearch'),
    ]);
    expect(
      lint('src/auth/x.ts', "import { generateTenantToken } from 'meilisearch/token';"),
    ).toHaveLength(1);
    expect(lint('src/search/engine/x.ts', "import { Meilisearch } from 'meilisearch';")).toEqual(
      [],
    );
    expect(lint('tools/drills/x.ts', "import { Meilisearch } from 'meilisearch';")).toEqual([]);
  });

  it('keeps common/ free of features', () => {
    expect(
      lint('src/common/errors/x.ts', "import { a } from '../../edge/edge-errors.js';"),
    ).toHaveLength(1);
    expect(
      lint('src/common/errors/x.ts', "import { a } from '../pagination/paginate.js';"),
    ).toEqual([]);
  });

  it('is switched on for every file of src/ by the project configuration', async () => {
    const config = (await new ESLint().calculateConfigForFile(
      'src/experts/experts.service.ts',
    )) as {
      rules: Record<string, unknown>;
    };
    expect(config.rules['kenner/layers']).toEqual([2]);
  });
});
