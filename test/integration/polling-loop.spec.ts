import { Logger } from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { PollingLoop } from '../../src/common/workers/polling-loop.js';
import { postgresUrl } from '../support/test-database.js';

const url = postgresUrl();
const KEY = 73_999_001; // a key of this test's own, never one of Kenner's

describe('PollingLoop.drain on PostgreSQL', () => {
  // The advisory lock only exists on PostgreSQL: on the SQLite run there is nothing to wait for.
  const maybe = url ? it : it.skip;
  maybe('waits while another process holds the lock, then does the work', async () => {
    const db = await new DataSource({ type: 'postgres', url }).initialize();
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      let pending = 3;
      const loop = new PollingLoop({
        db,
        logger: new Logger('test'),
        lockKey: KEY,
        batch: async () => (pending > 0 ? (pending--, 1) : 0), // one item a batch
        idleMs: 20,
        maxBackoffMs: 100,
      });
      await other.query('SELECT pg_advisory_lock($1)', [KEY]);
      const draining = loop.drain();
      await new Promise((r) => setTimeout(r, 200));
      expect(pending).toBe(3); // nothing ran while the lock was elsewhere
      await other.query('SELECT pg_advisory_unlock($1)', [KEY]);
      expect(await draining).toBe(3);
      expect(pending).toBe(0);
    } finally {
      await other.end();
      await db.destroy();
    }
  });
});
