import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LOCKS } from '../common/database/advisory-lock.js';
import { Clock } from '../common/time/clock.js';
import { PollingLoop } from '../common/workers/polling-loop.js';
import { Environment } from '../config/environment.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { PersonEntity } from '../people/person.entity.js';
import { ConversationEntity } from './conversation.entity.js';
import { type DigestEntry, digestMail } from './message-digest-mails.js';
import { MessageEntity } from './message.entity.js';
import { ParticipantEntity } from './participant.entity.js';
import { unreadByConversation } from './unread-counts.js';

/** People mailed per batch (one transaction). */
const BATCH = 20;
/** Due-ness moves by the minute. */
const IDLE_MS = 60 * 1000;
const MAX_BACKOFF_MS = 15 * 60 * 1000;

/**
 * One mail, not one per message, to a participant who left a message unread for
 * MESSAGE_DIGEST_MINUTES: it lists every conversation where that is so, with its unread
 * count and link. `digestedSeq` then moves to each listed conversation's last message, so the same
 * messages are never mailed twice; a later message, left unread as long, brings a new digest.
 * Muted conversations, removed participants and a person's own messages mail nothing. The mail and
 * the marks are written in one transaction and the notification relay sends it: a crash loses or
 * doubles nothing. One process at a time (the polling loop's advisory lock).
 */
@Injectable()
export class MessageDigests implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MessageDigests');
  private readonly loop: PollingLoop;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Environment,
    private readonly clock: Clock,
    private readonly mails: NotificationOutbox,
  ) {
    this.loop = new PollingLoop({
      db,
      logger: this.logger,
      lockKey: LOCKS.messageDigests,
      batch: () => this.digestBatch(),
      idleMs: IDLE_MS,
      maxBackoffMs: MAX_BACKOFF_MS,
    });
  }

  onApplicationBootstrap(): void {
    if (this.env.MESSAGE_DIGESTS) this.loop.resume();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.pause();
  }

  get active(): boolean {
    return this.loop.active;
  }

  /** Queues every digest due now; returns how many people were mailed. For tests and tools. */
  drain(): Promise<number> {
    return this.loop.drain();
  }

  private digestBatch(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.env.MESSAGE_DIGEST_MINUTES * 60_000);
    return this.db.transaction(async (em) => {
      const people = await due(em, cutoff)
        .select('p.personId', 'personId')
        .distinct(true)
        .orderBy('p.personId', 'ASC')
        .limit(BATCH)
        .getRawMany<{ personId: string }>();
      for (const { personId } of people) await this.digest(em, personId, cutoff);
      return people.length;
    });
  }

  private async digest(em: EntityManager, personId: string, cutoff: Date): Promise<void> {
    const rows = await due(em, cutoff)
      .andWhere('p.personId = :personId', { personId })
      .select('p.id', 'participantId')
      .addSelect('c.id', 'conversationId')
      .addSelect('c.subject', 'subject')
      .addSelect('c.lastSeq', 'lastSeq')
      .addSelect('c.lastMessageAt', 'lastMessageAt')
      .innerJoin(ConversationEntity, 'c', 'c.id = p.conversationId')
      .distinct(true)
      .getRawMany<{
        participantId: string;
        conversationId: string;
        subject: string;
        lastSeq: number | string;
        lastMessageAt: Date | string;
      }>();
    const counts = await unreadByConversation(
      em,
      personId,
      rows.map((row) => row.conversationId),
    );
    const entries: DigestEntry[] = [...rows]
      .sort((a, b) => at(b.lastMessageAt) - at(a.lastMessageAt))
      .map((row) => ({
        conversationId: row.conversationId,
        subject: row.subject,
        unread: counts.get(row.conversationId) ?? 0,
      }));
    const person = await em.findOneByOrFail(PersonEntity, { id: personId });
    await this.mails.enqueue(em, [
      digestMail({
        to: person.email,
        language: person.preferredLanguage,
        name: person.name,
        entries,
        base: this.env.PUBLIC_URL ?? null,
        minutes: this.env.MESSAGE_DIGEST_MINUTES,
      }),
    ]);
    for (const row of rows) {
      await em.update(ParticipantEntity, row.participantId, { digestedSeq: Number(row.lastSeq) });
    }
  }
}

/** SQLite answers a raw date as text, PostgreSQL as a Date. */
const at = (value: Date | string): number => new Date(value).getTime();

/**
 * Participations with a message unread and not yet in a digest since before `cutoff`: by someone
 * else, not deleted, above both the read pointer and the digest mark; not muted, not removed.
 */
function due(em: EntityManager, cutoff: Date) {
  return em
    .createQueryBuilder(ParticipantEntity, 'p')
    .innerJoin(
      MessageEntity,
      'm',
      'm.conversationId = p.conversationId AND m.seq > p.lastReadSeq AND m.seq > p.digestedSeq AND m.deletedAt IS NULL AND (m.authorPersonId IS NULL OR m.authorPersonId <> p.personId)',
    )
    .where('p.removedAt IS NULL')
    .andWhere('p.muted = :muted', { muted: false })
    .andWhere('m.createdAt <= :cutoff', { cutoff });
}
