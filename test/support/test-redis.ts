import { createClient } from 'redis';

/** Where the shared-store tests find Redis: CI machines run it there. */
export const redisUrl = (): string => process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

/** Undefined when Redis answers at `url`, else why not (for a skip that says why). */
export async function redisUnreachable(url: string): Promise<string | undefined> {
  const client = createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    await client.close();
    return undefined;
  } catch (error) {
    client.destroy();
    return `no Redis at ${url} (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** A key prefix no other test (or test run) uses, so tests share one server without meeting. */
export const uniqueRedisPrefix = (): string =>
  `kenner-test:${process.pid}:${Math.random().toString(36).slice(2, 10)}:`;

/** A port nothing listens on: Redis "down". */
export const CLOSED_REDIS_URL = 'redis://127.0.0.1:1';
