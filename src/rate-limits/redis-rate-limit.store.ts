import { RedisConnection } from '../redis/redis-connection.js';
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

/**
 * Counters in Redis under `prefix`, shared by every process that uses the same server and prefix.
 * While Redis cannot be reached, hits are refused at once, so the caller's failure mode decides.
 * Reconnection is RedisConnection's, on an unref'd timer, with growing waits.
 */
export class RedisRateLimitStore extends RateLimitStore {
  readonly kind = 'redis';
  private readonly connection: RedisConnection;

  constructor(
    url: string,
    private readonly prefix: string,
    onError: (error: Error) => void,
  ) {
    super();
    this.connection = new RedisConnection(url, onError);
  }

  async hit(key: string, windowMs: number, cost: number): Promise<WindowCount> {
    const client = await this.connection.client();
    const reply = (await client.eval(HIT, {
      keys: [this.prefix + key],
      arguments: [String(cost), String(windowMs)],
    })) as [number, number];
    return { count: Number(reply[0]), resetAt: Date.now() + Number(reply[1]) };
  }

  /** Lets hits under way finish when connected; otherwise stops at once. */
  override close(): Promise<void> {
    return this.connection.close();
  }
}
