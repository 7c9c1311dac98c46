import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import {
  ConversationEvents,
  type ConversationEvent,
  type EventHandler,
  EventHandlers,
  parseEvent,
} from './conversation-events.js';

/** Under PostgreSQL's 63-byte limit, which silently truncates longer names. */
export const CHANNEL = 'kenner_conversations';
const RECONNECT_MS = 1_000;

/**
 * Across API processes on one PostgreSQL database: events are NOTIFYed on CHANNEL and every
 * process LISTENs on its own connection (not from the pool: a LISTEN holds its connection).
 * Publishing goes through the pool; the publisher's own process gets its event back the same way,
 * so there is one path for all. While the listening connection is down, events are missed (live
 * views catch up on their next query); it reconnects every second.
 */
export class PostgresConversationEvents
  extends ConversationEvents
  implements OnApplicationShutdown
{
  private readonly logger = new Logger('ConversationEvents');
  private readonly handlers = new EventHandlers(this.logger);
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: DataSource,
    private readonly url: string,
  ) {
    super();
  }

  async publish(event: ConversationEvent): Promise<void> {
    await this.db.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(event)]);
  }

  listen(handler: EventHandler): () => void {
    const stop = this.handlers.add(handler);
    void this.connect();
    return stop;
  }

  get listeners(): number {
    return this.handlers.size;
  }

  ready(): Promise<void> {
    return this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private connect(): Promise<void> {
    if (this.client || this.stopped) return Promise.resolve();
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      const event = message.payload ? parseEvent(message.payload) : null;
      if (event) this.handlers.deliver(event);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: pg.Client, error?: unknown): void {
    if (this.client === client) this.client = null;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    if (error)
      this.logger.warn(
        `listening for conversation events failed: ${error instanceof Error ? error.message : 'unknown error'}`,
      );
    setTimeout(() => void this.connect(), RECONNECT_MS).unref();
  }
}
