import type { Logger } from '@nestjs/common';
import { createClient } from 'redis';

/** Waits between connection attempts grow to this, so a Redis that is down is not hammered. */
const MAX_RECONNECT_WAIT_MS = 5_000;

/**
 * The one way Kenner connects to Redis (REDIS_URL): the rate limits' counters and the
 * conversations' event bus both use it. No offline queue: while Redis cannot be reached, a
 * command fails at once instead of waiting. No built-in reconnection: its retry loop holds the
 * process open at its end; RedisConnection reconnects on an unref'd timer instead.
 */
export const newRedisClient = (url: string) =>
  createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: false },
  });

export type RedisClient = ReturnType<typeof newRedisClient>;

/** An error reporter that logs one line a minute: the client reports every failed attempt. */
export function throttledRedisErrors(logger: Logger): (error: Error) => void {
  let loggedAt = -Infinity;
  return (error) => {
    if (Date.now() - loggedAt < 60_000) return;
    loggedAt = Date.now();
    logger.warn(`Redis (REDIS_URL): ${error.message || error.name}`);
  };
}

/**
 * One connection to Redis that comes back by itself, with growing waits, after Redis went away.
 * `onConnected` runs after every successful (re)connection (a subscriber subscribes there).
 */
export class RedisConnection {
  private current?: RedisClient;
  /** Until a connection attempt has ended, `ready()` waits for it rather than fail. */
  private starting?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private attempts = 0;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly onError: (error: Error) => void,
    private readonly onConnected: (client: RedisClient) => Promise<unknown> = () =>
      Promise.resolve(),
  ) {
    this.open();
  }

  /** The connected client, after the attempt under way (if any) ended; throws when there is none. */
  async client(): Promise<RedisClient> {
    if (this.starting) await this.starting;
    const client = this.current;
    if (!client?.isReady) throw new Error('Redis is not connected');
    return client;
  }

  /** Lets commands under way finish when connected; otherwise stops at once. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.current;
    if (client?.isReady) await client.close();
    else if (client?.isOpen) client.destroy();
  }

  private open(): void {
    const client = newRedisClient(this.url);
    // Without a listener an unreachable server would crash the process. With no built-in
    // reconnection, an error that leaves the client closed means the connection is gone.
    client.on('error', (error: Error) => {
      this.onError(error);
      if (!client.isOpen) this.reconnectLater(client);
    });
    this.current = client;
    // Not awaited by the start: a Redis that is down is a failure of what uses it, not of the app.
    this.starting = client
      .connect()
      .then(() => this.onConnected(client))
      .then(
        () => {
          this.attempts = 0;
          this.starting = undefined;
        },
        (error: unknown) => {
          this.starting = undefined;
          if (error instanceof Error) this.onError(error);
          if (client.isOpen) client.destroy();
          this.reconnectLater(client);
        },
      );
  }

  private reconnectLater(client: RedisClient): void {
    if (this.closed || this.current !== client || this.retry) return;
    const wait = Math.min(100 * 2 ** this.attempts++, MAX_RECONNECT_WAIT_MS);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.closed) this.open();
    }, wait).unref();
  }
}
