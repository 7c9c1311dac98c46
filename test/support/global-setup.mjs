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
}
