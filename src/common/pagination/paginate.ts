import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors/domain-error.js';
import type { ConnectionArgs } from './connection.args.js';
import { DEFAULT_PAGE_SIZE } from './connection.args.js';
import type { Connection } from './connection.model.js';
import { decodeCursor, encodeCursor } from './cursor.js';

interface CursorKey {
  name: string;
  id: string;
}

function checkArgs(args: ConnectionArgs): void {
  if (args.first !== undefined && args.last !== undefined) {
    throw badInput('last', 'cannot be combined with first');
  }
  if (args.after !== undefined && args.last !== undefined && args.first === undefined) {
    // Relay allows it, but it is never what a client means and has no stable semantics here.
    throw badInput('after', 'cannot be combined with last; use before');
  }
}

/**
 * Keyset pagination over `(name, id)`: stable under inserts and deletes, and as fast on page 500
 * as on page 1. The query builder carries the filters; this adds order, bounds and the count.
 * The count rides along the page as an uncorrelated subquery (evaluated once): one statement,
 * unless the page is empty.
 */
export async function paginate<E extends ObjectLiteral & CursorKey, T>(
  query: SelectQueryBuilder<E>,
  args: ConnectionArgs,
  toNode: (entity: E) => T,
): Promise<Connection<T>> {
  checkArgs(args);
  const alias = query.alias;
  const backwards = args.last !== undefined;
  const size = (backwards ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const counted = query.clone().select(`COUNT(DISTINCT ${alias}.id)`).orderBy().getQuery();

  const page = query.clone().addSelect(`(${counted})`, 'totalCount');
  for (const [param, cursor, op] of [
    ['after', args.after, '>'],
    ['before', args.before, '<'],
  ] as const) {
    if (cursor === undefined) continue;
    const { key: name, id } = decodeCursor(cursor, param);
    const key = { name, id };
    page.andWhere(
      new Brackets((where) =>
        where
          .where(`${alias}.name ${op} :${param}Name`)
          .orWhere(`(${alias}.name = :${param}Name AND ${alias}.id ${op} :${param}Id)`),
      ),
      { [`${param}Name`]: key.name, [`${param}Id`]: key.id },
    );
  }
  const direction = backwards ? 'DESC' : 'ASC';
  page
    .orderBy(`${alias}.name`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(size + 1);
  const { entities: rows, raw } =
    size === 0
      ? { entities: [], raw: [] }
      : await page.getRawAndEntities<{ totalCount: unknown }>();
  const totalCount = raw[0] ? Number(raw[0].totalCount) : await query.clone().getCount();

  const hasMore = rows.length > size;
  const pageRows = rows.slice(0, size);
  if (backwards) pageRows.reverse();
  const edges = pageRows.map((row) => ({
    cursor: encodeCursor(row.name, row.id),
    node: toNode(row),
  }));
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
