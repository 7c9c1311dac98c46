import { Brackets, type EntityManager, In, type SelectQueryBuilder } from 'typeorm';
import { badInput } from '../common/errors/domain-error.js';
import { UUID } from '../common/graphql/global-id.js';
import type { ConnectionArgs } from '../common/pagination/connection.args.js';
import { DEFAULT_PAGE_SIZE } from '../common/pagination/connection.args.js';
import type { Connection } from '../common/pagination/connection.model.js';
import { ConversationGuestEntity } from './conversation-guest.entity.js';
import { type ConversationEntity } from './conversation.entity.js';
import { toMessageModel } from './conversation.mapper.js';
import { authorsOf } from './message-authors.js';
import { MessageEntity } from './message.entity.js';
import type { ConversationModel, MessageModel } from './models/conversation.model.js';

/** A cursor is one spelling of one key (as in common/pagination): anything else is refused. */
function cursorCodec<K extends unknown[]>(valid: (value: unknown[]) => value is K) {
  const encode = (key: K): string => Buffer.from(JSON.stringify(key)).toString('base64url');
  const decode = (cursor: string, field: string): K => {
    try {
      const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (Array.isArray(value) && valid(value) && encode(value) === cursor) return value;
    } catch {
      // fall through: the client's error, not ours
    }
    throw badInput(field, 'is not a cursor returned by this API');
  };
  return { encode, decode };
}

const seqCursor = cursorCodec(
  (v): v is [number] => v.length === 1 && Number.isSafeInteger(v[0]) && (v[0] as number) >= 0,
);
const activityCursor = cursorCodec(
  (v): v is [string, string] =>
    v.length === 2 &&
    typeof v[0] === 'string' &&
    !Number.isNaN(Date.parse(v[0])) &&
    new Date(v[0]).toISOString() === v[0] &&
    typeof v[1] === 'string' &&
    UUID.test(v[1]),
);

function checkArgs(args: ConnectionArgs): void {
  if (args.first !== undefined && args.last !== undefined) {
    throw badInput('last', 'cannot be combined with first');
  }
  if (args.after !== undefined && args.last !== undefined && args.first === undefined) {
    throw badInput('after', 'cannot be combined with last; use before');
  }
}

/** A conversation's messages in order, by their numbers: `last` reads the newest. */
export async function messagePage(
  em: EntityManager,
  conversationId: string,
  args: ConnectionArgs,
): Promise<Connection<MessageModel>> {
  checkArgs(args);
  const backwards = args.last !== undefined;
  const size = (backwards ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const after = args.after === undefined ? undefined : seqCursor.decode(args.after, 'after')[0];
  const before = args.before === undefined ? undefined : seqCursor.decode(args.before, 'before')[0];
  const query = em
    .createQueryBuilder(MessageEntity, 'm')
    .where('m.conversationId = :conversationId', { conversationId });
  const totalCount = await query.clone().getCount();
  if (after !== undefined) query.andWhere('m.seq > :after', { after });
  if (before !== undefined) query.andWhere('m.seq < :before', { before });
  const rows =
    size === 0
      ? []
      : await query
          .orderBy('m.seq', backwards ? 'DESC' : 'ASC')
          .limit(size + 1)
          .getMany();
  const hasMore = rows.length > size;
  const page = rows.slice(0, size);
  if (backwards) page.reverse();
  const authors = await authorsOf(em, page);
  const edges = page.map((m) => ({
    cursor: seqCursor.encode([m.seq]),
    node: toMessageModel(m, authors.get(m.id)),
  }));
  return connection(edges, totalCount, backwards, hasMore, args);
}

/**
 * The conversations in `query` (alias `c`), most recently active first. The caller's filter is in
 * the query; `toNode` adds what is the caller's own (unread counts).
 */
export async function conversationPage(
  query: SelectQueryBuilder<ConversationEntity>,
  args: ConnectionArgs,
  toNodes: (rows: ConversationEntity[]) => Promise<ConversationModel[]>,
): Promise<Connection<ConversationModel>> {
  checkArgs(args);
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  const totalCount = await query.clone().getCount();
  if (args.after !== undefined) {
    const [at, id] = activityCursor.decode(args.after, 'after');
    query.andWhere(
      new Brackets((w) =>
        w.where('c.lastMessageAt < :at').orWhere('(c.lastMessageAt = :at AND c.id < :id)'),
      ),
      { at: new Date(at), id },
    );
  }
  const rows =
    size === 0
      ? []
      : await query
          .orderBy('c.lastMessageAt', 'DESC')
          .addOrderBy('c.id', 'DESC')
          .limit(size + 1)
          .getMany();
  const hasMore = rows.length > size;
  const page = rows.slice(0, size);
  const nodes = await toNodes(page);
  const edges = page.map((c, i) => ({
    cursor: activityCursor.encode([c.lastMessageAt.toISOString(), c.id]),
    node: nodes[i] as ConversationModel,
  }));
  return connection(edges, totalCount, false, hasMore, args);
}

function connection<T>(
  edges: { cursor: string; node: T }[],
  totalCount: number,
  backwards: boolean,
  hasMore: boolean,
  args: ConnectionArgs,
): Connection<T> {
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: backwards ? args.before !== undefined : hasMore,
      hasPreviousPage: backwards ? hasMore : args.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

export async function guestsById(
  em: EntityManager,
  ids: readonly (string | null)[],
): Promise<Map<string, ConversationGuestEntity>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const guests = await em.findBy(ConversationGuestEntity, { id: In(wanted) });
  return new Map(guests.map((g) => [g.id, g]));
}
