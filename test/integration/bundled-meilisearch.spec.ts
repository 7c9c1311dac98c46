import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  localMasterKey,
  startBundledMeilisearch,
} from '../../src/search/engine/bundled-meilisearch.js';

describe('the bundled Meilisearch', () => {
  it('starts with a master key that begins with "-" (once 1 start in 64 failed on it)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenner-dash-key-'));
    try {
      mkdirSync(join(dir, 'meilisearch'), { recursive: true });
      writeFileSync(join(dir, 'meilisearch', 'master-key'), '-1dash-first-key-0123456789abcdef\n');
      const server = await startBundledMeilisearch({ dataDir: dir });
      try {
        const keys = await fetch(`${server.host}/keys`, {
          headers: { authorization: `Bearer ${server.masterKey}` },
        });
        expect(keys.status).toBe(200);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('generates master keys no command line can mistake for an option', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenner-new-key-'));
    try {
      expect(localMasterKey(join(dir, 'meilisearch'))).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
