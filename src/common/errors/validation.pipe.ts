import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { constraintMessage } from '../validation/constraint-message.js';
import { badInput } from './domain-error.js';

/** Finds the first failing constraint and spells its path the way the client wrote it. */
function firstProblem(errors: ValidationError[], prefix = ''): { field: string; problem: string } {
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const field = isIndex
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    if (error.constraints) return { field, problem: constraintMessage(error) };
    if (error.children?.length) return firstProblem(error.children, field);
  }
  return { field: prefix || 'input', problem: 'is invalid' };
}

/**
 * Validates every GraphQL input class. Unknown properties are refused rather than dropped,
 * and the error names the field and the problem (`email: must be an email`).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const { field, problem } = firstProblem(errors);
      return badInput(field, problem);
    },
  });
}
