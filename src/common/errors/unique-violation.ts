/**
 * Services check uniqueness before writing, but two concurrent writers can both pass that
 * check; the database constraint is the real guard. This recognises its violation on both
 * drivers so the service can answer CONFLICT instead of an internal error.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, driverError } = error as { code?: unknown; driverError?: unknown };
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
  return driverError !== undefined && isUniqueViolation(driverError);
}
