import type { EntityManager } from 'typeorm';
import { MessageEntity } from './message.entity.js';
import { ParticipantEntity } from './participant.entity.js';

/**
 * Unread, for a person: messages by someone else, not deleted, above their read pointer, in the
 * conversations they still take part in. Counted from the pointer each time, never kept as a
 * counter that could drift.
 */
export async function unreadByConversation(
  em: EntityManager,
  personId: string,
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

function unread(em: EntityManager, personId: string) {
  return em
    .createQueryBuilder(ParticipantEntity, 'p')
    .innerJoin(
      MessageEntity,
      'm',
      'm.conversationId = p.conversationId AND m.seq > p.lastReadSeq AND m.deletedAt IS NULL AND (m.authorPersonId IS NULL OR m.authorPersonId <> p.personId)',
    )
    .where('p.personId = :personId', { personId })
    .andWhere('p.removedAt IS NULL');
}
