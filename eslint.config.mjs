import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './lint/layers.mjs';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-tools/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'src/database/migrations/**',
      // Its own npm project, checked by its own compiler against types generated from
      // schema.gql (`npm --prefix examples run check`, which .ci/run runs after codegen).
      'examples/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Nest resolvers and services return promises from plain methods by design.
      '@typescript-eslint/require-await': 'off',
      // Decorated classes (Nest modules, GraphQL models) are legitimately empty or static-only.
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { kenner: layers },
    rules: { 'kenner/layers': 'error' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // GraphQL responses are walked loosely in tests; the schema test guards their shape.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    // The examples' browser scripts: plain JavaScript for any page, checked without types.
    files: ['examples/**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: Object.fromEntries(
        ['document', 'fetch', 'Headers', 'Intl', 'setTimeout', 'instantsearch', 'console'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
  },
);
