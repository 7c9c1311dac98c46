import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LOCKS } from '../common/database/advisory-lock.js';
import { Clock } from '../common/time/clock.js';
import { PollingJob } from '../common/workers/polling-job.js';
import { Environment } from '../config/environment.js';
import { NotificationOutbox } from '../notifications/notification-outbox.service.js';
import { Language } from '../common/i18n/language.js';
import { InquiryEntity } from '../inquiries/inquiry.entity.js';
import { PersonEntity } from '../people/person.entity.js';
import { ConversationGuestEntity } from './conversation-guest.entity.js';
import { ConversationEntity } from './conversation.entity.js';
import { type DigestEntry, digestMail } from './message-digest-mails.js';
import { MessageEntity } from './message.entity.js';
import { ParticipantEntity } from './participant.entity.js';
import { BY_SOMEONE_ELSE, type Reader, readerIs, unreadByConversation } from './unread-counts.js';

/** Where a digest goes: a person's account, or the address of the inquiry a guest came from. */
interface Recipient {
  to: string;
  language: Language;
  name: string;
  /** A guest opens the conversation with their personal link only, which is never re-mailed. */
  guest: boolean;
}

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
 * Muted conversations, removed participants and a person's own messages mail nothing. A guest (an
 * inquiry's requester by link) is mailed at the inquiry's address while their link stands, and
 * the digest never holds the link's token: it was mailed once, staff re-issue it. The mail and
 * the marks are written in one transaction and the notification relay sends it: a crash loses or
 * doubles nothing. One process at a time (the polling loop's advisory lock).
 */
@Injectable()
export class MessageDigests extends PollingJob {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Environment,
    private readonly clock: Clock,
    private readonly mails: NotificationOutbox,
  ) {
    super({
      db,
      logger: new Logger('MessageDigests'),
      lockKey: LOCKS.messageDigests,
      idleMs: IDLE_MS,
      maxBackoffMs: MAX_BACKOFF_MS,
      enabled: env.MESSAGE_DIGESTS,
    });
  }

  protected batch(): Promise<number> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.env.MESSAGE_DIGEST_MINUTES * 60_000);
    return this.db.transaction(async (em) => {
      const readers = await due(em, cutoff, now)
        .select('p.personId', 'personId')
        .addSelect('p.guestId', 'guestId')
        .distinct(true)
        .orderBy('p.personId', 'ASC')
        .addOrderBy('p.guestId', 'ASC')
        .limit(BATCH)
        .getRawMany<{ personId: string | null; guestId: string | null }>();
      for (const { personId, guestId } of readers) {
        await this.digest(em, personId ?? { guestId: guestId ?? '' }, cutoff, now);
      }
      return readers.length;
    });
  }

  private async digest(em: EntityManager, reader: Reader, cutoff: Date, now: Date): Promise<void> {
    const rows = await due(em, cutoff, now)
      .andWhere(...readerIs(reader))
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
      reader,
      rows.map((row) => row.conversationId),
    );
    const entries: DigestEntry[] = [...rows]
      .sort((a, b) => at(b.lastMessageAt) - at(a.lastMessageAt))
      .map((row) => ({
        conversationId: row.conversationId,
        subject: row.subject,
        unread: counts.get(row.conversationId) ?? 0,
      }));
    const recipient = await recipientOf(em, reader);
    // Without an address (an inquiry gone) the marks still move, so the reader is not due forever.
    if (recipient) {
      await this.mails.enqueue(em, [
        digestMail({
          ...recipient,
          entries,
          base: this.env.PUBLIC_URL ?? null,
          minutes: this.env.MESSAGE_DIGEST_MINUTES,
        }),
      ]);
    }
    for (const row of rows) {
      await em.update(ParticipantEntity, row.participantId, { digestedSeq: Number(row.lastSeq) });
    }
  }
}

/** SQLite answers a raw date as text, PostgreSQL as a Date. */
const at = (value: Date | string): number => new Date(value).getTime();

async function recipientOf(em: EntityManager, reader: Reader): Promise<Recipient | null> {
  if (typeof reader === 'string') {
    const person = await em.findOneByOrFail(PersonEntity, { id: reader });
    return {
      to: person.email,
      language: person.preferredLanguage,
      name: person.name,
      guest: false,
    };
  }
  const guest = await em.findOneByOrFail(ConversationGuestEntity, { id: reader.guestId });
  const inquiry = await em
    .createQueryBuilder(InquiryEntity, 'i')
    .innerJoin(ConversationEntity, 'c', 'c.inquiryId = i.id')
    .where('c.id = :id', { id: guest.conversationId })
    .getOne();
  // Inquiries hold no language: the requester's mails are in English, as their link's was.
  return inquiry
    ? { to: inquiry.email, language: Language.EN, name: guest.name, guest: true }
    : null;
}

/**
 * Participations with a message unread and not yet in a digest since before `cutoff`: by someone
 * else, not deleted, above both the read pointer and the digest mark; not muted, not removed; a
 * guest's only while their link stands (a revoked or expired link would open nothing).
 */
function due(em: EntityManager, cutoff: Date, now: Date) {
  return em
    .createQueryBuilder(ParticipantEntity, 'p')
    .innerJoin(
      MessageEntity,
      'm',
      `m.conversationId = p.conversationId AND m.seq > p.lastReadSeq AND m.seq > p.digestedSeq AND m.deletedAt IS NULL AND ${BY_SOMEONE_ELSE}`,
    )
    .leftJoin(ConversationGuestEntity, 'g', 'g.id = p.guestId')
    .where('p.removedAt IS NULL')
    .andWhere('p.muted = :muted', { muted: false })
    .andWhere('m.createdAt <= :cutoff', { cutoff })
    .andWhere('(p.guestId IS NULL OR (g.revokedAt IS NULL AND g.expiresAt > :now))', { now });
}
