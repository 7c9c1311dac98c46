import { query } from './drill-client.js';
import type { ExpertRef } from './write-ledger.js';

/** What the drill's writes refer to: the seeded experts, organisations and techniques. */
export interface ReferenceData {
  experts: ExpertRef[];
  /** Global ids. */
  organisations: string[];
  technologies: string[];
}

interface Page {
  edges: { node: { id: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Reads them through GraphQL, as any client would. */
export async function loadReferenceData(url: string, key: string): Promise<ReferenceData> {
  const ids = async (list: string): Promise<string[]> => {
    const out: string[] = [];
    let after: string | null = null;
    do {
      const data: Record<string, Page> = await query(
        url,
        key,
        `query($after: String) { ${list}(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        after ? { after } : {},
      );
      const page = data[list] as Page;
      out.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return out;
  };
  const experts = await ids('experts');
  return {
    experts: experts.map((globalId, n) => {
      const id = uuidOf(globalId);
      return { key: id, id, globalId, label: `s${n}`, created: false };
    }),
    organisations: await ids('organisations'),
    technologies: await ids('technologies'),
  };
}

/** The database id inside a global id (base64url of `Type:uuid`). */
export const uuidOf = (globalId: string): string =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1] ?? '';
