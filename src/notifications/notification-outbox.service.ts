import { Injectable, Logger } from '@nestjs/common';
import { type EntityManager, In, MoreThan } from 'typeorm';
import { type Person, PersonMentions } from '../common/text/person-mentions.js';
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

  /**
   * For an erasure: mails still queued to the person are dropped, and in every other queued mail
   * each line naming them (an introduction lists the experts) is replaced. Returns the number of
   * mails changed or dropped.
   */
  async forget(em: EntityManager, person: Person): Promise<number> {
    const mentions = new PersonMentions(person);
    let changed = 0;
    let after = 0;
    for (;;) {
      const rows = await em.find(NotificationOutboxEntity, {
        where: { id: MoreThan(after) },
        order: { id: 'ASC' },
        take: PAGE,
      });
      const dropped = rows.filter((row) => mentions.in(row.recipient)).map((row) => row.id);
      if (dropped.length) await em.delete(NotificationOutboxEntity, { id: In(dropped) });
      for (const row of rows.filter((r) => !dropped.includes(r.id))) {
        const redacted = {
          subject: mentions.redactLines(row.subject, REMOVED),
          body: mentions.redactLines(row.body, REMOVED),
          lastError: row.lastError && mentions.redactLines(row.lastError, REMOVED),
        };
        const same =
          redacted.subject === row.subject &&
          redacted.body === row.body &&
          redacted.lastError === row.lastError;
        if (same) continue;
        await em.update(NotificationOutboxEntity, row.id, redacted);
        changed++;
      }
      changed += dropped.length;
      after = rows.at(-1)?.id ?? after;
      if (rows.length < PAGE) return changed;
    }
  }
}

const PAGE = 500;
const REMOVED = '[removed: a person erased from the directory]';
