// Runs the test suite against PostgreSQL: creates a fresh database on the server named by
// POSTGRES_ADMIN_URL (default: the local trust-auth server), points the tests at it through
// TEST_DATABASE_URL, and drops it afterwards whatever the outcome.
// Without test paths, it leaves out what never depends on the database, which `npm test` runs
// once already (.ci/run runs both): unit tests, browser tests (what the browser shows does not
// change with the database), the first start (the embedded SQLite default by design), and the
// specs of the HTTP and GraphQL edge, the schema and the engine's process and proxy, which read
// and write nothing the database kind could change. Together about three minutes of CI.
import { spawnSync } from 'node:child_process';

// The scratch-database helper of tools/, compiled by the pretest:postgres step.
const { createScratchDatabase, dropScratchDatabase, postgresAdminUrl, shownUrl } =
  await import('../dist-tools/tools/support/scratch-database.js');

const adminUrl = postgresAdminUrl();
let url;
try {
  url = await createScratchDatabase('test', adminUrl);
} catch (error) {
  console.error(`Cannot create a test database through ${shownUrl(adminUrl)}: ${error.message}`);
  console.error(
    'Start PostgreSQL or set POSTGRES_ADMIN_URL to a server where you may create databases.',
  );
  process.exit(1);
}
console.log(`PostgreSQL test database: ${new URL(url).pathname.slice(1)}`);
const EDGE = [
  'first-start',
  'edge-http',
  'edge-limits',
  'edge-production',
  'graphql-http',
  'graphql-clients',
  'request-gate',
  'websocket-limits',
  'schema',
  'bundled-meilisearch',
  'search-proxy',
  // Over a thousand hostile requests, refused by the same validation and rules on either database;
  // the slowest file of the PostgreSQL run (100 s). `npm test` runs it on SQLite.
  'hostile-corpus',
];
const ONCE_ONLY = [
  '/test/unit/',
  '/test/browser/',
  ...EDGE.map((name) => `/test/integration/${name}\\.spec\\.ts$`),
];
const args = process.argv.slice(2);
const paths = args.some((a) => /(^|\/)test\/|\.spec\.ts$/.test(a));
const result = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--disable-warning=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    ...(paths ? [] : ONCE_ONLY.map((p) => `--testPathIgnorePatterns=${p}`)),
    ...args,
  ],
  { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url } },
);
await dropScratchDatabase(url, adminUrl).catch((error) =>
  console.error(`could not drop ${url}: ${error.message}`),
);
process.exit(result.status ?? 1);
