import type { EntityManager } from 'typeorm';
import { MessageEntity } from './message.entity.js';
import { ParticipantEntity } from './participant.entity.js';

/** A person by their id, or a guest of a conversation link. */
export type Reader = string | { guestId: string };

/**
 * Unread, for a person (or a guest): messages by someone else, not deleted, above their read
 * pointer, in the conversations they still take part in. Counted from the pointer each time,
 * never kept as a counter that could drift.
 */
export async function unreadByConversation(
  em: EntityManager,
  personId: Reader,
  conversationIds: readonly string[],
): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await unread(em, personId)
    .andWhere('p.conversationId IN (:...conversationIds)', { conversationIds })
    .select('p.conversationId', 'conversationId')
    .addSelect('COUNT(m.id)', 'n')
    .groupBy('p.conversationId')
    .getRawMany<{ conversationId: string; n: number | string }>();
  return new Map(rows.map((row) => [row.conversationId, Number(row.n)]));
}

/** The total over conversations not muted: what a badge shows. */
export async function unreadTotal(em: EntityManager, personId: string): Promise<number> {
  const row = await unread(em, personId)
    .andWhere('p.muted = :muted', { muted: false })
    .select('COUNT(m.id)', 'n')
    .getRawOne<{ n: number | string }>();
  return Number(row?.n ?? 0);
}

/**
 * "By someone else" spelled so that NULLs never decide: a participant is either a person or a
 * guest, and a message's author either, or neither once erased (then it counts as unread).
 */
export const BY_SOMEONE_ELSE =
  '(m.authorPersonId IS NULL OR p.personId IS NULL OR m.authorPersonId <> p.personId) AND (m.authorGuestId IS NULL OR p.guestId IS NULL OR m.authorGuestId <> p.guestId)';

/** The where clause naming a reader's participations: a person's, or a guest's. */
export const readerIs = (reader: Reader): [string, { reader: string }] =>
  typeof reader === 'string'
    ? ['p.personId = :reader', { reader }]
    : ['p.guestId = :reader', { reader: reader.guestId }];

function unread(em: EntityManager, reader: Reader) {
  return em
    .createQueryBuilder(ParticipantEntity, 'p')
    .innerJoin(
      MessageEntity,
      'm',
      `m.conversationId = p.conversationId AND m.seq > p.lastReadSeq AND m.deletedAt IS NULL AND ${BY_SOMEONE_ELSE}`,
    )
    .where(...readerIs(reader))
    .andWhere('p.removedAt IS NULL');
}
