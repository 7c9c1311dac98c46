import { afterEach, describe, expect, it } from '@jest/globals';
import { createClient } from 'redis';
import type { ConversationEvent } from '../../src/conversations/conversation-events.js';
import { RedisConversationEvents } from '../../src/conversations/redis-events.js';
import type { RedisConnection } from '../../src/redis/redis-connection.js';
import {
  CLOSED_REDIS_URL,
  redisUnreachable,
  redisUrl,
  uniqueRedisPrefix,
} from '../support/test-redis.js';

/**
 * The Redis event bus between two instances (two API processes' worth) on the real Redis; the
 * two-process test with dist/main.js is conversations-processes.spec.ts (PostgreSQL runs).
 */
const noRedis = await redisUnreachable(redisUrl());
if (noRedis) console.warn(`Skipping the Redis conversation bus tests: ${noRedis}`);

const MESSAGE: ConversationEvent = {
  kind: 'message',
  conversationId: '0b9c6f0e-3d56-4a43-9d8e-3c1f5d1b2a01',
  messageId: '5e1d2c3b-4a59-4b68-8c7d-9e0f1a2b3c4d',
};

async function until(check: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

(noRedis ? describe.skip : describe)('conversation events over Redis pub/sub', () => {
  const buses: RedisConversationEvents[] = [];
  const bus = (prefix: string, url = redisUrl()) => {
    const made = new RedisConversationEvents(url, prefix);
    buses.push(made);
    return made;
  };
  afterEach(async () => {
    for (const b of buses.splice(0)) await b.onApplicationShutdown();
  });

  it('carries an event published on one instance to the listeners of both, once each', async () => {
    const prefix = uniqueRedisPrefix();
    const [a, b] = [bus(prefix), bus(prefix)];
    const onA: ConversationEvent[] = [];
    const onB: ConversationEvent[] = [];
    a.listen((e) => onA.push(e));
    const stop = b.listen((e) => onB.push(e));
    await Promise.all([a.ready(), b.ready()]);
    await a.publish(MESSAGE);
    await until(() => onA.length === 1 && onB.length === 1, 'both did not receive it');
    expect(onB).toEqual([MESSAGE]);
    expect(onA).toEqual([MESSAGE]);
    expect(b.listeners).toBe(1);
    stop();
    expect(b.listeners).toBe(0);
  });

  it('keeps deployments with different prefixes apart, and drops malformed payloads', async () => {
    const prefix = uniqueRedisPrefix();
    const [mine, other] = [bus(prefix), bus(uniqueRedisPrefix())];
    const received: ConversationEvent[] = [];
    mine.listen((e) => received.push(e));
    const elsewhere: ConversationEvent[] = [];
    other.listen((e) => elsewhere.push(e));
    await Promise.all([mine.ready(), other.ready()]);
    // Someone else on the same Redis writes junk to the channel: it is never trusted.
    const raw = createClient({ url: redisUrl() });
    await raw.connect();
    await raw.publish(`${prefix}conversations`, 'not json');
    await raw.publish(`${prefix}conversations`, JSON.stringify({ ...MESSAGE, messageId: 'x' }));
    await raw.publish(`${prefix}conversations`, JSON.stringify({ kind: 'drop table' }));
    await raw.close();
    await mine.publish(MESSAGE);
    await until(() => received.length === 1, 'the good event did not arrive');
    // Redis delivers in order: the junk came first, and was dropped.
    expect(received).toEqual([MESSAGE]);
    expect(elsewhere).toEqual([]);
  });

  it('subscribes again by itself when its connection to Redis is killed', async () => {
    const prefix = uniqueRedisPrefix();
    const [a, b] = [bus(prefix), bus(prefix)];
    const onB: ConversationEvent[] = [];
    b.listen((e) => onB.push(e));
    await Promise.all([a.ready(), b.ready()]);
    const { subscriber } = b as unknown as { subscriber: RedisConnection };
    const admin = createClient({ url: redisUrl() });
    await admin.connect();
    try {
      const id = await (await subscriber.client()).clientId();
      await admin.sendCommand(['CLIENT', 'KILL', 'ID', String(id)]);
      // Published until one arrives: events sent while it was cut off are missed, by design.
      for (let i = 0; onB.length === 0; i++) {
        if (i > 50) throw new Error('never subscribed again');
        await a.publish(MESSAGE);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await (await subscriber.client()).clientId()).not.toBe(id);
    } finally {
      await admin.close();
    }
  });

  it('with Redis unreachable: publishing neither throws nor waits, and ready() does not hang', async () => {
    const down = bus(uniqueRedisPrefix(), CLOSED_REDIS_URL);
    await down.ready();
    await expect(down.publish(MESSAGE)).resolves.toBeUndefined();
  });
});
