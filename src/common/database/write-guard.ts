import { conflict, DomainError } from '../errors/domain-error.js';
import { isUniqueViolation } from '../errors/unique-violation.js';

/**
 * Runs a write and turns a unique-constraint violation that slipped past the service's own
 * checks (two concurrent writers) into the same CONFLICT error the check would have given.
 */
export async function guardUnique<T>(field: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (isUniqueViolation(error)) throw conflict(field, 'is already taken');
    throw error;
  }
}
