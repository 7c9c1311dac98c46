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

/** Reconnection waits grow to this, so a Redis that is down is not hammered. */
const MAX_RECONNECT_WAIT_MS = 5_000;

/**
 * Counters in Redis under `prefix`, shared by every process that uses the same server and prefix.
 * While Redis cannot be reached, hits are refused at once (no offline queue) instead of waiting
 * for a reconnection, so the caller's failure mode decides, and the client keeps reconnecting in
 * the background.
 */
export class RedisRateLimitStore extends RateLimitStore {
  readonly kind = 'redis';
  private readonly client;
  /** Until the first connection attempt has ended, hits wait for it rather than fail. */
  private starting?: Promise<void>;

  constructor(
    url: string,
    private readonly prefix: string,
    onError: (error: Error) => void,
  ) {
    super();
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 2_000,
        reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, MAX_RECONNECT_WAIT_MS),
      },
    });
    // Without a listener an unreachable server would crash the process.
    this.client.on('error', onError);
    this.starting = new Promise<void>((resolve) => {
      this.client.once('ready', resolve);
      this.client.once('error', resolve);
    }).then(() => (this.starting = undefined));
    // Not awaited by the start: a Redis that is down is a failure of the limits, not of the app.
    this.client.connect().catch(onError);
  }

  async hit(key: string, windowMs: number, cost: number): Promise<WindowCount> {
    if (this.starting) await this.starting;
    if (!this.client.isReady) throw new Error('Redis is not connected');
    const reply = (await this.client.eval(HIT, {
      keys: [this.prefix + key],
      arguments: [String(cost), String(windowMs)],
    })) as [number, number];
    return { count: Number(reply[0]), resetAt: Date.now() + Number(reply[1]) };
  }

  /** Lets hits under way finish when connected; otherwise stops reconnecting at once. */
  override async close(): Promise<void> {
    if (this.client.isReady) await this.client.close();
    else if (this.client.isOpen) this.client.destroy();
  }
}
