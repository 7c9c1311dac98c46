import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { noAdminKeyHint } from '../../src/auth/api-keys.service.js';
import {
  type AppProcess,
  postGraphQL,
  runCommandToExit,
  startAppProcess,
  waitForOutput,
} from '../support/app-process.js';

const KEYS = '{ apiKeys { name role } }';

const occurrences = (text: string, line: string) => text.split(line).length - 1;

/**
 * The Quick start as a newcomer lives it: `npm start` on the default SQLite database and the
 * bundled Meilisearch, then `npm run keys -- create … --role ADMIN` in another terminal while the
 * server runs, and the printed key used against that server.
 */
describe('the first start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kenner-first-'));
  // No MEILI_HOST: the app starts the bundled engine under DATA_DIR, as on a fresh clone.
  const env = {
    DATA_DIR: dir,
    DATABASE_URL: '',
    MEILI_HOST: '',
    MEILI_MASTER_KEY: '',
    BOOTSTRAP_ADMIN_KEY: '',
    DEMO_EXPERTS: '30',
  };
  const running: AppProcess[] = [];
  afterAll(async () => {
    for (const app of running) await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = async (extra: Record<string, string> = {}) => {
    const app = await startAppProcess({ ...env, ...extra });
    running.push(app);
    return app;
  };

  it('says how to get an admin key, mints one while the server runs, and the server accepts it', async () => {
    const server = await start();
    expect(occurrences(server.output(), noAdminKeyHint(false))).toBe(1);
    // The first sync of the demo data is announced once, and /health agrees.
    const [, indexed] = await waitForOutput(server, /Search in sync: (\d+) documents indexed/);
    expect(Number(indexed)).toBeGreaterThan(30);
    const health = (await (await fetch(server.url.replace('/graphql', '/health'))).json()) as {
      search: { status: string; inSync: boolean };
    };
    expect(health.search).toEqual({ status: 'up', inSync: true });

    const engineDir = join(dir, 'meilisearch');
    const engineFiles = () =>
      ['address', 'owner'].map(
        (f) => existsSync(join(engineDir, f)) && readFileSync(join(engineDir, f), 'utf8'),
      );
    const engineBefore = engineFiles();
    const minted = await runCommandToExit(
      'auth/keys.command.js',
      ['create', '--name', 'Me', '--role', 'ADMIN'],
      env,
    );
    expect(minted).toMatchObject({ code: 0 });
    const secret = /shown only now:\n(\S+)\n/.exec(minted.output)?.[1];
    expect(secret).toBeDefined();
    // It attached to the server's engine instead of starting a second one on the same files.
    expect(engineFiles()).toEqual(engineBefore);

    const keys = await postGraphQL(server.url, KEYS, secret);
    expect(keys.errors).toBeUndefined();
    expect(keys.data.apiKeys).toEqual([{ name: 'Me', role: 'ADMIN' }]);
    expect((await postGraphQL(server.url, KEYS)).errors?.[0].extensions.code).toBeDefined();
    expect(occurrences(server.output(), 'Search in sync')).toBe(1);
    await server.stop();
    running.pop();

    // Restarted with an admin key in the database: no hint, and a bootstrap key is ignored, saying so.
    const bootstrap = `knr_ignored-bootstrap-key-${'x'.repeat(32)}`;
    const again = await start({ BOOTSTRAP_ADMIN_KEY: bootstrap });
    await waitForOutput(again, /Search in sync: 0 documents indexed/);
    expect(again.output()).not.toContain(noAdminKeyHint(false));
    expect(
      occurrences(again.output(), 'BOOTSTRAP_ADMIN_KEY ignored: an admin key already exists'),
    ).toBe(1);
    expect((await postGraphQL(again.url, KEYS, bootstrap)).data?.apiKeys).toBeUndefined();
    expect((await postGraphQL(again.url, KEYS, secret)).data.apiKeys).toHaveLength(1);
  });
});
