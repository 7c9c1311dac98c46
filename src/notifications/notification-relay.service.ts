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
import { LOCKS, withAdvisoryLock } from '../database/advisory-lock.js';
import { MailTransport } from './mail-transport.js';
import { NotificationOutboxEntity } from './notification-outbox.entity.js';

const BATCH = 50;
const IDLE_POLL_MS = 500;
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
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private sending: Promise<unknown> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(MailTransport) private readonly transport: MailTransport,
    private readonly env: Environment,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.NOTIFICATION_RELAY) this.resume();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pause();
    this.transport.close();
  }

  /** Stops the background loop once its current batch is done (rows stay pending). */
  async pause(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  resume(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Sends everything due now; returns how many mails were accepted. For tests and tools. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { handled, sent } = await this.withSenderLock(() => this.sendBatch());
      total += sent;
      if (!handled) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const { handled } = await this.withSenderLock(() => this.sendBatch());
        if (!handled) await this.sleep(IDLE_POLL_MS);
      } catch (error) {
        this.logger.warn(`notification relay: ${(error as Error).message}`);
        await this.sleep(IDLE_POLL_MS * 4);
      }
    }
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
        this.logger.warn(
          `${row.kind} to ${row.recipient} failed (attempt ${attempts}): ${message}`,
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

  private withSenderLock(
    send: () => Promise<{ handled: number; sent: number }>,
  ): Promise<{ handled: number; sent: number }> {
    const next = this.sending.then(async () => {
      const result = await withAdvisoryLock(this.db, LOCKS.notificationRelay, send);
      return result.locked ? result.value : { handled: 0, sent: 0 };
    });
    this.sending = next.catch(() => undefined);
    return next;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
