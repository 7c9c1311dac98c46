/**
 * Jest runs in ESM mode (NestJS 12 is ESM-only): started by `npm test` through
 * `node --experimental-vm-modules`. ts-jest only transpiles; `npm run typecheck` type-checks.
 */
export default {
  // The node environment, printing the app logs of a test only when it fails (test-logger.ts).
  testEnvironment: '<rootDir>/test/support/jest-environment.mjs',
  rootDir: '.',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/test/support/global-setup.mjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.mjs',
  testTimeout: 60_000,
  maxWorkers: 2,
};
