import { DomainError, ErrorCode } from '../common/errors/domain-error.js';
import type { Caller } from './caller.js';

/** The signed-in person's id; guards already refused anyone else, this keeps types honest. */
export function personOf(caller: Caller): string {
  if (!caller.personId) {
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'this needs a signed-in person');
  }
  return caller.personId;
}
