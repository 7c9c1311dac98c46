// Runs the whole test suite against PostgreSQL: creates a fresh database on the server named by
// POSTGRES_ADMIN_URL (default: the local trust-auth server), points the tests at it through
// TEST_DATABASE_URL, and drops it afterwards whatever the outcome.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const adminUrl = process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `kenner_test_${Date.now()}_${process.pid}`;

async function admin(sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

try {
  await admin(`CREATE DATABASE "${name}"`);
} catch (error) {
  console.error(`Cannot create a test database through ${adminUrl}: ${error.message}`);
  console.error(
    'Start PostgreSQL or set POSTGRES_ADMIN_URL to a server where you may create databases.',
  );
  process.exit(1);
}
const url = new URL(adminUrl);
url.pathname = `/${name}`;
console.log(`PostgreSQL test database: ${name}`);
const result = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--disable-warning=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url.toString() } },
);
await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error) =>
  console.error(`could not drop ${name}: ${error.message}`),
);
process.exit(result.status ?? 1);
