import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { constraintMessage } from '../validation/constraint-message.js';
import { invalidTextAt } from '../validation/invalid-text.js';
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
 * Parameters that are not client input: GraphQL's parent object (rows already stored), context
 * and info (Nest numbers them 0, 1, 2; arguments are 3), and custom decorators (the caller).
 */
const NOT_INPUT = new Set(['0', '1', '2', 'custom']);

/**
 * Validates every GraphQL argument, input classes and plain scalars alike. Text that cannot be
 * stored (common/validation/invalid-text.ts) is refused first, named by its path from the
 * argument (`input.aliases[1]`). Unknown properties are refused rather than dropped, and the
 * error names the field and the problem (`email: must be an email`).
 */
class KennerValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!NOT_INPUT.has(String(metadata.type))) {
      const invalid = invalidTextAt(value, metadata.data ?? '');
      if (invalid) throw badInput(invalid.field, invalid.problem);
    }
    return (await super.transform(value, metadata)) as unknown;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new KennerValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const { field, problem } = firstProblem(errors);
      return badInput(field, problem);
    },
  });
}
