import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { DEFAULT_PAGE_SIZE, type ForwardConnectionArgs } from './connection.args.js';
import type { Connection } from './connection.model.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** A time in its one spelling (toISOString), so that one cursor has one spelling. */
const isIsoTime = (key: string): boolean =>
  !Number.isNaN(Date.parse(key)) && new Date(key).toISOString() === key;

/**
 * Forward keyset pagination over `(column, id)`, newest first (`DESC`) or oldest first (`ASC`):
 * stable under inserts. The query (alias `query.alias`) carries the caller's filters.
 */
export async function paginateByTime<E extends ObjectLiteral & { id: string }, T>(
  query: SelectQueryBuilder<E>,
  column: keyof E & string,
  order: 'ASC' | 'DESC',
  args: ForwardConnectionArgs,
  toNodes: (rows: E[]) => Promise<T[]>,
): Promise<Connection<T>> {
  const alias = query.alias;
  const size = args.first ?? DEFAULT_PAGE_SIZE;
  const totalCount = await query.clone().getCount();
  const page = query.clone();
  if (args.after !== undefined) {
    const { key, id } = decodeCursor(args.after, 'after', isIsoTime);
    const at = new Date(key);
    const op = order === 'DESC' ? '<' : '>';
    page.andWhere(
      new Brackets((w) =>
        w
          .where(`${alias}.${column} ${op} :afterAt`)
          .orWhere(`(${alias}.${column} = :afterAt AND ${alias}.id ${op} :afterId)`),
      ),
      { afterAt: at, afterId: id },
    );
  }
  const rows =
    size === 0
      ? []
      : await page
          .orderBy(`${alias}.${column}`, order)
          .addOrderBy(`${alias}.id`, order)
          .limit(size + 1)
          .getMany();
  const pageRows = rows.slice(0, size);
  const nodes = await toNodes(pageRows);
  const edges = pageRows.map((row, i) => ({
    cursor: encodeCursor((row[column] as Date).toISOString(), row.id),
    node: nodes[i] as T,
  }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: args.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
