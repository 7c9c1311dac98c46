import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ClusterEntity } from '../../src/clusters/cluster.entity.js';
import { SearchRelay } from '../../src/search/sync/search-relay.service.js';
import { onOutboxCommitted } from '../../src/search/outbox/outbox-commits.js';
import { enqueue } from '../../src/search/outbox/search-outbox.service.js';
import { ORGANISATIONS_INDEX } from '../../src/search/indexes/organisations.index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * The relay is woken by the commit of a transaction that wrote outbox rows (outbox-commits.ts),
 * on the database of the run (SQLite, or PostgreSQL with TEST_DATABASE_URL): once per commit,
 * never before the outermost commit, never for a rollback or a transaction that wrote no rows.
 */
describe('waking the relay when outbox rows commit', () => {
  let t: TestApp;
  let commits = 0;
  let stop = () => {};
  const seen = () => commits;
  const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
  const otherRow = (slug: string) => ({ slug, name: slug });

  beforeAll(async () => {
    t = await startTestApp();
    // Rows for ids that do not exist: the relay would send deletions, which this test does not need.
    await t.app.get(SearchRelay).pause();
    // A listener beside the relay's own: both are told.
    stop = onOutboxCommitted(t.db, () => commits++);
  });
  afterAll(async () => {
    stop();
    await t.close();
  });

  it('calls once after the commit, not while the transaction is open', async () => {
    const before = seen();
    let during = -1;
    await t.db.transaction(async (em) => {
      await enqueue(em, ORGANISATIONS_INDEX, ids(2));
      await enqueue(em, ORGANISATIONS_INDEX, ids(1));
      during = seen() - before;
    });
    expect(during).toBe(0);
    expect(seen() - before).toBe(1);
  });

  it('does not call for a transaction that wrote no outbox rows', async () => {
    const before = seen();
    await t.db.transaction((em) => em.save(em.create(ClusterEntity, otherRow('no-outbox'))));
    expect(seen() - before).toBe(0);
  });

  it('waits for the outer commit when the rows were written in a nested transaction', async () => {
    const before = seen();
    let afterInner = -1;
    await t.db.transaction(async (outer) => {
      await outer.transaction((inner) => enqueue(inner, ORGANISATIONS_INDEX, ids(1)));
      afterInner = seen() - before;
    });
    expect(afterInner).toBe(0);
    expect(seen() - before).toBe(1);
  });

  it('does not call for a rollback, and forgets the rows for the next transaction', async () => {
    const before = seen();
    const runner = t.db.createQueryRunner();
    try {
      await runner.startTransaction();
      await enqueue(runner.manager, ORGANISATIONS_INDEX, ids(1));
      await runner.rollbackTransaction();
      expect(seen() - before).toBe(0);
      // The same runner, reused: its next transaction wrote nothing to the outbox.
      await runner.startTransaction();
      await runner.manager.save(runner.manager.create(ClusterEntity, otherRow('after-rollback')));
      await runner.commitTransaction();
      expect(seen() - before).toBe(0);
    } finally {
      await runner.release();
    }
  });
});
