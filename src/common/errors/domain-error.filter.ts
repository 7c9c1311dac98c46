import { Catch, type ExceptionFilter } from '@nestjs/common';
import { DomainError } from './domain-error.js';

/**
 * Domain errors are answers, not failures: hand them to GraphQL untouched (the formatter gives
 * them their code) instead of letting Nest log each one as an unhandled exception.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError): DomainError {
    return error;
  }
}
