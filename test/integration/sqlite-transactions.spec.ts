import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Like } from 'typeorm';
import { ClusterEntity } from '../../src/clusters/cluster.entity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Work that runs at the same time in one process (a GraphQL write, the relays, the demo seed at
 * start, the profile reminders) must not share a transaction on SQLite's single connection
 * (src/database/sqlite-transactions.ts). Without the turns, this failed with "Transaction is not
 * started yet" and the rolled-back writer's row survived.
 */
describe('transactions started at the same time', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t.close());

  it('each commits or rolls back all of its own writes, and only those', async () => {
    const write = (slug: string, fail = false) =>
      t.db.transaction(async (em) => {
        await em.save(em.create(ClusterEntity, { slug, name: slug }));
        await new Promise((resolve) => setTimeout(resolve, 20));
        await em.save(em.create(ClusterEntity, { slug: `${slug}-second`, name: `${slug} second` }));
        if (fail) throw new Error('rolled back on purpose');
      });
    const results = await Promise.allSettled([write('tx-a'), write('tx-b', true), write('tx-c')]);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : r.status))).toEqual([
      'fulfilled',
      'Error: rolled back on purpose',
      'fulfilled',
    ]);
    const rows = await t.db
      .getRepository(ClusterEntity)
      .find({ where: { slug: Like('tx-%') }, order: { slug: 'ASC' } });
    expect(rows.map((r) => r.slug)).toEqual(['tx-a', 'tx-a-second', 'tx-c', 'tx-c-second']);
  });
});
