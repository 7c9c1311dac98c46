import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotificationOutboxEntity } from './notification-outbox.entity.js';

export interface Notification {
  kind: string;
  /** No address: there is nobody to send it to (e.g. no staff address configured); logged. */
  recipient: string | null | undefined;
  subject: string;
  body: string;
}

/** Queues e-mails inside the caller's transaction; the relay sends them after the commit. */
@Injectable()
export class NotificationOutbox {
  private readonly logger = new Logger('Notifications');

  async enqueue(em: EntityManager, notifications: Notification[]): Promise<void> {
    const now = new Date();
    const rows = notifications.flatMap(({ recipient, ...rest }) => {
      if (recipient) return [{ ...rest, recipient, nextAttemptAt: now, attempts: 0 }];
      this.logger.log(`${rest.kind} not mailed (no recipient configured): ${rest.subject}`);
      return [];
    });
    if (rows.length) await em.insert(NotificationOutboxEntity, rows);
  }
}
