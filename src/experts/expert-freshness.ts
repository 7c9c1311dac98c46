import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';

/**
 * "Not confirmed since `cutoff`" (YYYY-MM-DD), in one place for the staff's list of stale profiles
 * and for the reminders: confirmed before that day, or never confirmed and made before it (a
 * profile created last week is not stale, whatever its `lastVerifiedAt`).
 */
export function whereNotConfirmedSince<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  cutoff: string,
): SelectQueryBuilder<T> {
  return query.andWhere(
    new Brackets((w) =>
      w
        .where(`${alias}.lastVerifiedAt < :freshCutoff`, { freshCutoff: cutoff })
        .orWhere(`(${alias}.lastVerifiedAt IS NULL AND ${alias}.createdAt < :freshCutoffTime)`, {
          freshCutoffTime: new Date(`${cutoff}T00:00:00Z`),
        }),
    ),
  );
}
