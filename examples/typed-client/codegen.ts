import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the operations in typed-client/*.ts, generated from Kenner's committed schema.gql: a
 * schema change that breaks an operation fails `npm run codegen` (unknown field) or the
 * `tsc --noEmit` after it (a changed type). Paths are relative to examples/.
 */
const config: CodegenConfig = {
  schema: '../schema.gql',
  documents: ['typed-client/*.ts', '!typed-client/codegen.ts'],
  generates: {
    'typed-client/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
  ignoreNoDocuments: false,
  // NodeNext: generated relative imports end in `.js`.
  emitLegacyCommonJSImports: false,
};

export default config;
