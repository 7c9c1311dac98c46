import { createClient } from 'redis';
import { RateLimitStore, type WindowCount } from './rate-limit-store.js';

/**
 * Adds the cost and starts the window's expiry on its first hit, in one step no other client can
 * come between (a Lua script runs atomically). Redis's own clock ends the window, and the key
 * expires with it, so nothing needs sweeping. PTTL is -1 only for a key without expiry: one left
 * by a hit whose PEXPIRE never ran, which this repairs rather than counting it forever.
 */
const HIT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
local left = redis.call('PTTL', KEYS[1])
if left < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  left = tonumber(ARGV[2])
end
return {count, left}`;

/** Waits between connection attempts grow to this, so a Redis that is down is not hammered. */
const MAX_RECONNECT_WAIT_MS = 5_000;

/**
 * No offline queue: while Redis cannot be reached, a hit is refused at once instead of waiting.
 * No built-in reconnection: its retry loop holds the process open at its end (see below).
 */
const newClient = (url: string) =>
  createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: false },
  });

type Client = ReturnType<typeof newClient>;

/**
 * Counters in Redis under `prefix`, shared by every process that uses the same server and prefix.
 * While Redis cannot be reached, hits are refused at once, so the caller's failure mode decides.
 * Reconnection is this class's own, on an unref'd timer, with growing waits.
 */
export class RedisRateLimitStore extends RateLimitStore {
  readonly kind = 'redis';
  private client?: Client;
  /** Until a connection attempt has ended, hits wait for it rather than fail. */
  private starting?: Promise<void>;
  private retry?: NodeJS.Timeout;
  private attempts = 0;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly prefix: string,
    private readonly onError: (error: Error) => void,
  ) {
    super();
    this.open();
  }

  async hit(key: string, windowMs: number, cost: number): Promise<WindowCount> {
    if (this.starting) await this.starting;
    const client = this.client;
    if (!client?.isReady) throw new Error('Redis is not connected');
    const reply = (await client.eval(HIT, {
      keys: [this.prefix + key],
      arguments: [String(cost), String(windowMs)],
    })) as [number, number];
    return { count: Number(reply[0]), resetAt: Date.now() + Number(reply[1]) };
  }

  /** Lets hits under way finish when connected; otherwise stops at once. */
  override async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    if (client?.isReady) await client.close();
    else if (client?.isOpen) client.destroy();
  }

  private open(): void {
    const client = newClient(this.url);
    // Without a listener an unreachable server would crash the process. With no built-in
    // reconnection, an error that leaves the client closed means the connection is gone.
    client.on('error', (error: Error) => {
      this.onError(error);
      if (!client.isOpen) this.reconnectLater(client);
    });
    this.client = client;
    // Not awaited by the start: a Redis that is down is a failure of the limits, not of the app.
    this.starting = client.connect().then(
      () => {
        this.attempts = 0;
        this.starting = undefined;
      },
      (error: unknown) => {
        this.starting = undefined;
        if (error instanceof Error) this.onError(error);
        this.reconnectLater(client);
      },
    );
  }

  private reconnectLater(client: Client): void {
    if (this.closed || this.client !== client || this.retry) return;
    const wait = Math.min(100 * 2 ** this.attempts++, MAX_RECONNECT_WAIT_MS);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (!this.closed) this.open();
    }, wait).unref();
  }
}
