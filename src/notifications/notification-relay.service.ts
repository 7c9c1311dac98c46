import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { Environment } from '../config/environment.js';
import { PollingLoop } from '../common/workers/polling-loop.js';
import { LOCKS } from '../common/database/advisory-lock.js';
import { MailTransport } from './mail-transport.js';
import { NotificationOutboxEntity } from './notification-outbox.entity.js';

const BATCH = 50;
const IDLE_POLL_MS = 500;
const MAX_BACKOFF_MS = 30_000;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 60 * 60 * 1000;

/** Wait before the next attempt after `attempts` failures: 1 s, 2 s, 4 s … at most an hour. */
export const retryDelay = (attempts: number): number =>
  Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);

/**
 * Sends the notification outbox through the mail transport. A row is deleted only after the
 * transport accepted its message; a refused one waits longer after each failure and is retried.
 * On PostgreSQL an advisory lock makes one process at a time the sender, so no mail goes twice.
 */
@Injectable()
export class NotificationRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationRelay');
  private readonly loop: PollingLoop;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MailTransport) private readonly transport: MailTransport,
    private readonly env: Environment,
  ) {
    this.loop = new PollingLoop({
      db,
      logger: this.logger,
      lockKey: LOCKS.notificationRelay,
      batch: async () => (await this.sendBatch()).handled,
      idleMs: IDLE_POLL_MS,
      maxBackoffMs: MAX_BACKOFF_MS,
    });
  }

  onApplicationBootstrap(): void {
    if (this.env.NOTIFICATION_RELAY) this.resume();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pause();
    this.transport.close();
  }

  /** Stops the background loop once its current batch is done (rows stay pending). */
  pause(): Promise<void> {
    return this.loop.pause();
  }

  resume(): void {
    this.loop.resume();
  }

  /** Sends everything due now; returns how many outbox rows were handled. For tests and tools. */
  drain(): Promise<number> {
    return this.loop.drain();
  }

  private async sendBatch(): Promise<{ handled: number; sent: number }> {
    const outbox = this.db.getRepository(NotificationOutboxEntity);
    const rows = await outbox.find({
      where: { nextAttemptAt: LessThanOrEqual(new Date()) },
      order: { id: 'ASC' },
      take: BATCH,
    });
    let sent = 0;
    for (const row of rows) {
      try {
        await this.transport.send({
          from: this.env.MAIL_FROM,
          to: row.recipient,
          subject: row.subject,
          text: row.body,
        });
        await outbox.delete(row.id);
        sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const message = (error as Error).message;
        // Logs outlive erasure: they name the queued mail, never the person (an SMTP error
        // often quotes the address).
        this.logger.warn(
          `${row.kind} mail ${row.id} failed (attempt ${attempts}): ${message.replace(/\S+@\S+/g, '<address>')}`,
        );
        await outbox.update(row.id, {
          attempts,
          lastError: message.slice(0, 2000),
          nextAttemptAt: new Date(Date.now() + retryDelay(attempts)),
        });
      }
    }
    return { handled: rows.length, sent };
  }
}
