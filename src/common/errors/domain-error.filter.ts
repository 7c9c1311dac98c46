import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, HTTP_STATUS } from './domain-error.js';

/**
 * Domain errors are answers, not failures: hand them to GraphQL untouched (the formatter gives
 * them their code) instead of letting Nest log each one as an unhandled exception. Outside
 * GraphQL (a plain HTTP route, where the validation pipe also runs on path parameters) they answer
 * with their status and the same `{ errors: [...] }` body, never Nest's 500.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | undefined {
    if (host.getType() !== 'http') return error;
    const extensions: Record<string, unknown> = { code: error.code };
    if (error.field) extensions.field = error.field;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(HTTP_STATUS[error.code])
      .json({ errors: [{ message: error.message, extensions }] });
    return undefined;
  }
}
