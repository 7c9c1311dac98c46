import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  RedisConnection,
  type RedisClient,
  throttledRedisErrors,
} from '../redis/redis-connection.js';
import {
  ConversationEvents,
  type ConversationEvent,
  type EventHandler,
  EventHandlers,
  parseEvent,
} from './conversation-events.js';

/**
 * Across API processes through Redis pub/sub (REDIS_URL), on the channel
 * `<REDIS_KEY_PREFIX>conversations`. A subscribed Redis connection can do nothing else, so there
 * are two: one publishes, one listens (and subscribes again after every reconnection). As with
 * LISTEN/NOTIFY, the publisher's own process gets its event back the same way, and events sent
 * while this process is cut off from Redis are missed: the message is stored and live views catch
 * up on their next query. A publish that cannot reach Redis is logged, not thrown, for the same
 * reason: the write it reports has committed.
 */
export class RedisConversationEvents extends ConversationEvents implements OnApplicationShutdown {
  private readonly logger = new Logger('ConversationEvents');
  private readonly handlers = new EventHandlers(this.logger);
  private readonly channel: string;
  private readonly publisher: RedisConnection;
  private readonly subscriber: RedisConnection;
  private readonly reportError: (error: Error) => void;

  constructor(url: string, prefix: string) {
    super();
    this.channel = `${prefix}conversations`;
    this.reportError = throttledRedisErrors(this.logger);
    this.publisher = new RedisConnection(url, this.reportError);
    this.subscriber = new RedisConnection(url, this.reportError, (client: RedisClient) =>
      client.subscribe(this.channel, (payload) => {
        const event = parseEvent(payload);
        if (event) this.handlers.deliver(event);
      }),
    );
  }

  async publish(event: ConversationEvent): Promise<void> {
    try {
      const client = await this.publisher.client();
      await client.publish(this.channel, JSON.stringify(event));
    } catch (error) {
      this.reportError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  listen(handler: EventHandler): () => void {
    return this.handlers.add(handler);
  }

  get listeners(): number {
    return this.handlers.size;
  }

  /** Resolves once subscribed, or once the attempt under way failed (it retries by itself). */
  async ready(): Promise<void> {
    await this.subscriber.client().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.subscriber.close(), this.publisher.close()]);
  }
}
