import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createClient } from 'redis';
import { DataSource } from 'typeorm';
import { RateLimitWindows1796283856402 } from '../../src/database/migrations/postgres/1796283856402-RateLimitWindows.js';
import { MemoryRateLimitStore } from '../../src/rate-limits/memory-rate-limit.store.js';
import { PostgresRateLimitStore } from '../../src/rate-limits/postgres-rate-limit.store.js';
import type { RateLimitStore } from '../../src/rate-limits/rate-limit-store.js';
import { RedisRateLimitStore } from '../../src/rate-limits/redis-rate-limit.store.js';
import type { RedisConnection } from '../../src/redis/redis-connection.js';
import { postgresAdminUrl } from '../../tools/support/scratch-database.js';
import { postgresUnreachable, postgresUrl } from '../support/test-database.js';
import {
  CLOSED_REDIS_URL,
  redisUnreachable,
  redisUrl,
  uniqueRedisPrefix,
} from '../support/test-redis.js';

/**
 * The same contract for every store, each against its real server: a window starts at a key's
 * first hit and lasts windowMs, costs add up, keys are counted apart, and two processes (two
 * store instances, two connections) hitting one key at once never lose or repeat a count.
 * PostgreSQL and Redis tests skip, saying why, when their server does not answer.
 */
const pgUrl = postgresUrl() ?? postgresAdminUrl();
const noPostgres = await postgresUnreachable(pgUrl);
const noRedis = await redisUnreachable(redisUrl());
if (noPostgres) console.warn(`Skipping the PostgreSQL rate-limit store tests: ${noPostgres}`);
if (noRedis) console.warn(`Skipping the Redis rate-limit store tests: ${noRedis}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two instances of one store that share their counts (one for the memory store: it cannot). */
interface StorePair {
  a: RateLimitStore;
  b: RateLimitStore;
  close(): Promise<void>;
}

function contract(name: string, skip: string | undefined, open: () => Promise<StorePair>) {
  (skip ? describe.skip : describe)(`${name} rate-limit store`, () => {
    let pair: StorePair;
    let n = 0;
    /** A fresh key per test: the stores outlive one test. */
    const key = () => `k${++n}:${Math.random().toString(36).slice(2)}`;
    beforeAll(async () => (pair = await open()));
    afterAll(() => pair.close());

    it('adds each cost to the count of a window that starts at the first hit', async () => {
      const k = key();
      const before = Date.now();
      const first = await pair.a.hit(k, 60_000, 2);
      const second = await pair.a.hit(k, 60_000, 3);
      expect([first.count, second.count]).toEqual([2, 5]);
      expect(first.resetAt).toBeGreaterThanOrEqual(before + 60_000 - 50);
      expect(first.resetAt).toBeLessThanOrEqual(Date.now() + 60_000 + 50);
      // The same window: its end does not move with later hits.
      expect(Math.abs(second.resetAt - first.resetAt)).toBeLessThan(100);
    });

    it('starts a new window once the last one ended', async () => {
      const k = key();
      await pair.a.hit(k, 300, 1);
      expect((await pair.a.hit(k, 300, 1)).count).toBe(2);
      await sleep(400);
      const fresh = await pair.a.hit(k, 300, 1);
      expect(fresh.count).toBe(1);
      expect(fresh.resetAt).toBeGreaterThan(Date.now() + 150);
    });

    it('counts each key on its own', async () => {
      const [k1, k2] = [key(), key()];
      await pair.a.hit(k1, 60_000, 5);
      expect((await pair.a.hit(k2, 60_000, 1)).count).toBe(1);
    });

    if (name !== 'memory') {
      it('shares one count between processes hitting a key at once, losing none', async () => {
        const k = key();
        const hits = Array.from({ length: 60 }, (_, i) =>
          (i % 2 ? pair.a : pair.b).hit(k, 60_000, 1),
        );
        const counts = (await Promise.all(hits)).map((w) => w.count).sort((x, y) => x - y);
        expect(counts).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      });
    }
  });
}

contract('memory', undefined, () => {
  const store = new MemoryRateLimitStore();
  return Promise.resolve({ a: store, b: store, close: () => store.close() });
});

contract('PostgreSQL', noPostgres, async () => {
  const schema = `rl_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const connect = async () => {
    const db = new DataSource({
      type: 'postgres',
      url: pgUrl,
      extra: { options: `-c search_path=${schema}` },
    });
    return db.initialize();
  };
  const setup = await connect();
  await setup.query(`CREATE SCHEMA "${schema}"`);
  const runner = setup.createQueryRunner();
  await new RateLimitWindows1796283856402().up(runner);
  await runner.release();
  const other = await connect();
  return {
    a: new PostgresRateLimitStore(setup),
    b: new PostgresRateLimitStore(other),
    async close() {
      await other.destroy();
      await setup.query(`DROP SCHEMA "${schema}" CASCADE`);
      await setup.destroy();
    },
  };
});

contract('Redis', noRedis, async () => {
  const prefix = uniqueRedisPrefix();
  // A failing Redis shows as failing hits; the error events need no more.
  const a = new RedisRateLimitStore(redisUrl(), prefix, () => undefined);
  const b = new RedisRateLimitStore(redisUrl(), prefix, () => undefined);
  return Promise.resolve({
    a,
    b,
    close: async () => {
      await a.close();
      await b.close();
    },
  });
});

(noRedis ? describe.skip : describe)('Redis rate-limit store, connection lost', () => {
  it('connects again on its own, and counts on', async () => {
    const store = new RedisRateLimitStore(redisUrl(), uniqueRedisPrefix(), () => undefined);
    const admin = createClient({ url: redisUrl() });
    await admin.connect();
    try {
      expect((await store.hit('k', 60_000, 1)).count).toBe(1);
      const { connection } = store as unknown as { connection: RedisConnection };
      const client = await connection.client();
      await admin.sendCommand(['CLIENT', 'KILL', 'ID', String(await client.clientId())]);
      let count: number | undefined;
      for (let i = 0; i < 50 && count === undefined; i++) {
        count = await store.hit('k', 60_000, 1).then(
          (w) => w.count,
          () => undefined,
        );
        if (count === undefined) await sleep(100);
      }
      expect(count).toBe(2);
    } finally {
      await admin.close();
      await store.close();
    }
  });
});

describe('Redis rate-limit store, Redis down', () => {
  it('refuses a hit at once instead of waiting for a reconnection', async () => {
    const errors: Error[] = [];
    const store = new RedisRateLimitStore(CLOSED_REDIS_URL, uniqueRedisPrefix(), (e) =>
      errors.push(e),
    );
    try {
      const started = Date.now();
      await expect(store.hit('k', 1000, 1)).rejects.toThrow('Redis is not connected');
      expect(Date.now() - started).toBeLessThan(2500);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
