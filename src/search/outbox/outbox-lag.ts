import type { DataSource } from 'typeorm';

export interface OutboxLag {
  /** Documents waiting to be sent (several rows for one document count once). */
  pending: number;
  /** Age of the oldest of them, in seconds (0 when none). */
  oldestPendingSeconds: number;
  /** Documents Meilisearch refused; they need a look (see `lastError`). */
  parked: number;
}

/** How far the search index lags behind the database. */
export async function outboxLag(db: DataSource): Promise<OutboxLag> {
  const [row] = await db.query<
    { pending: string | number; parked: string | number; oldest: string | Date | null }[]
  >(
    `SELECT
       COUNT(DISTINCT CASE WHEN "parkedAt" IS NULL THEN "indexName" || '/' || "documentId" END) AS pending,
       COUNT(DISTINCT CASE WHEN "parkedAt" IS NULL THEN NULL ELSE "indexName" || '/' || "documentId" END) AS parked,
       MIN(CASE WHEN "parkedAt" IS NULL THEN "enqueuedAt" END) AS oldest
     FROM search_outbox`,
  );
  const oldest = row?.oldest
    ? new Date(
        typeof row.oldest === 'string' && !row.oldest.includes('T')
          ? `${row.oldest.replace(' ', 'T')}Z`
          : row.oldest,
      )
    : null;
  return {
    pending: Number(row?.pending ?? 0),
    oldestPendingSeconds: oldest
      ? Math.max(0, Math.round((Date.now() - oldest.getTime()) / 1000))
      : 0,
    parked: Number(row?.parked ?? 0),
  };
}
