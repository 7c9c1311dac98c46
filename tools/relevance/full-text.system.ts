import { buildFullTextTable } from '../baseline/postgres-full-text/full-text.table.js';
import { searchFullText } from '../baseline/postgres-full-text/full-text.search.js';
import { closePool, scratchPool, seedPostgresCopy } from '../support/scratch-postgres.js';

/** Every visibility: matchExperts (staff) and the keyword baseline rank every expert too. */
const EVERY_VISIBILITY = ['PUBLIC', 'MEMBERS', 'STAFF'];

export interface FullTextSystem {
  /** The e-mails of the best `limit` experts for a request written as people write. */
  rank(text: string, limit: number): Promise<string[]>;
  /** The e-mails of every expert it finds, best first (page after page). */
  answer(text: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The PostgreSQL full-text alternative over the evaluation's data: a scratch PostgreSQL database
 * seeded by the same generator with the same seed (so e-mails match the SQLite copy the other
 * systems run on; ids do not), with the full-text table built. Hits go back to e-mails.
 */
export async function openFullTextSystem(experts: number, seed: number): Promise<FullTextSystem> {
  const copy = await seedPostgresCopy(experts, { seed });
  const pool = scratchPool(copy.databaseUrl, 2);
  const close = async () => {
    await closePool(pool);
    await copy.drop();
  };
  try {
    await buildFullTextTable(pool);
    const rows = await pool.query<{ id: string; email: string }>('SELECT id, email FROM experts');
    const emailOf = new Map(rows.rows.map((r) => [r.id, r.email]));
    return {
      rank: async (text, limit) => {
        const result = await searchFullText(
          pool,
          { query: text, hitsPerPage: limit },
          EVERY_VISIBILITY,
        );
        return result.hits.flatMap((h) => emailOf.get(h.id) ?? []);
      },
      answer: async (text) => {
        const emails: string[] = [];
        for (let page = 1; ; page++) {
          const result = await searchFullText(
            pool,
            { query: text, hitsPerPage: 100, page },
            EVERY_VISIBILITY,
          );
          emails.push(...result.hits.flatMap((h) => emailOf.get(h.id) ?? []));
          if (result.hits.length < 100 || page >= 100) return emails;
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
