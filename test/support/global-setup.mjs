// One real Meilisearch for the whole test run (each test app uses its own index prefix).
// Plain .mjs: jest loads global setup outside its TypeScript transform, so this uses the
// compiled launcher that `npm test` builds first.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function globalSetup() {
  let launcher;
  try {
    launcher = await import('../../dist/search/engine/bundled-meilisearch.js');
  } catch {
    throw new Error('dist/ is missing: run the tests with `npm test`, which builds first.');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kenner-meili-'));
  const server = await launcher.startBundledMeilisearch({ dataDir, maxIndexingMemory: '256Mb' });
  process.env.MEILI_HOST = server.host;
  process.env.MEILI_MASTER_KEY = server.masterKey;
  globalThis.__KENNER_MEILI__ = { server, dataDir };
  const version = await engineVersion(server);
  const logs =
    process.env.TEST_LOGS === '1'
      ? 'App logs are printed as they come (TEST_LOGS=1).'
      : 'App logs are printed only for a failing test (TEST_LOGS=1 prints them all).';
  process.stdout.write(
    `\nKenner tests on ${databases()}; search: Meilisearch ${version} (bundled, ${server.host}). ${logs}\n`,
  );
}

/** Which databases the specs use, as test/support/test-database.ts chooses them. */
function databases() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return 'SQLite (embedded, a temporary file per test file)';
  const { hostname, port, pathname } = new URL(url);
  return (
    `PostgreSQL, database ${pathname.slice(1)} at ${hostname}:${port || 5432} (a schema per test ` +
    'file), and SQLite for the specs that start the app on a fresh data directory'
  );
}

async function engineVersion({ host, masterKey }) {
  try {
    const response = await globalThis.fetch(`${host}/version`, {
      headers: { authorization: `Bearer ${masterKey}` },
    });
    return (await response.json()).pkgVersion;
  } catch {
    return 'of unknown version';
  }
}
