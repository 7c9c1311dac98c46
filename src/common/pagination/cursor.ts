import { badInput } from '../errors/domain-error.js';
import { UUID } from '../graphql/global-id.js';

/** A keyset cursor: `[key, uuid]` as JSON in base64url, nothing else. */
export const encodeCursor = (key: string, id: string): string =>
  Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');

/**
 * The `[key, id]` a cursor holds, or BAD_USER_INPUT naming `field`. The id must be a uuid
 * (PostgreSQL compares it as one: anything else would be its error, not the client's), the key
 * pass `validKey`, and the cursor be the one spelling encodeCursor gives (as ids, global-id.ts:
 * the base64url decoder skips stray characters).
 */
export function decodeCursor(
  cursor: string,
  field: string,
  validKey: (key: string) => boolean = () => true,
): { key: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      UUID.test(value[1]) &&
      validKey(value[0]) &&
      encodeCursor(value[0], value[1]) === cursor
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through: any undecodable cursor is the client's error, not ours
  }
  throw badInput(field, 'is not a cursor returned by this API');
}
