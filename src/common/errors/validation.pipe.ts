import { ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
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
    if (error.constraints) {
      const [message] = Object.values(error.constraints);
      // class-validator prefixes messages with the property name; we print the full path instead.
      const problem = (message ?? 'is invalid').replace(new RegExp(`^${error.property} `), '');
      return { field, problem };
    }
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
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const { field, problem } = firstProblem(errors);
      return badInput(field, problem);
    },
  });
}
