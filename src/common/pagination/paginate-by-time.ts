import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { badInput } from '../errors/domain-error.js';
import { UUID } from '../graphql/global-id.js';
import { DEFAULT_PAGE_SIZE, type ForwardConnectionArgs } from './connection.args.js';
import type { Connection } from './connection.model.js';

/** One spelling per cursor (as paginate.ts): `[ISO time, uuid]` in base64url, nothing else. */
const encode = (at: Date, id: string): string =>
  Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');

function decode(cursor: string, field: string): { at: Date; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      UUID.test(value[1]) &&
      !Number.isNaN(Date.parse(value[0]))
    ) {
      const at = new Date(value[0]);
      if (encode(at, value[1]) === cursor) return { at, id: value[1] };
    }
  } catch {
    // fall through: the client's error, not ours
  }
  throw badInput(field, 'is not a cursor returned by this API');
}

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
    const { at, id } = decode(args.after, 'after');
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
    cursor: encode(row[column] as Date, row.id),
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
