import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { constraintMessage } from '../validation/constraint-message.js';
import { invalidTextAt } from '../validation/invalid-text.js';
import { clearableFields } from '../validation/patch-input.js';
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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * In a patch input (patch-input.ts), `null` may only clear what can be cleared: refused for any
 * other field, before anything else is checked, so the client learns which field it was.
 */
function refuseUnclearableNulls(value: unknown, metatype: unknown): void {
  const clearable = clearableFields(metatype);
  if (!clearable || !isRecord(value)) return;
  for (const [field, given] of Object.entries(value)) {
    if (given === null && !clearable.has(field)) {
      throw badInput(field, 'cannot be null: leave it out to keep the current value');
    }
  }
}

/**
 * GraphQL clients (Relay, Apollo) send `null` for every variable they do not use: everywhere
 * except where a patch clears a field, `null` is the same as leaving the field out. Removing it
 * here, for every argument and nested input, means no service ever sees a `null` it did not ask
 * for (`after: null` is no cursor to decode, `last: null` is no backwards page).
 */
function dropNulls(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) dropNulls(item);
    return;
  }
  if (!isRecord(value)) return;
  const clearable = clearableFields(value.constructor);
  for (const [field, given] of Object.entries(value)) {
    if (given === null) {
      if (!clearable?.has(field)) delete value[field];
    } else {
      dropNulls(given);
    }
  }
}

/**
 * Parameters that are not client input: GraphQL's parent object (rows already stored), context
 * and info (Nest numbers them 0, 1, 2; arguments are 3), and custom decorators (the caller).
 */
const NOT_INPUT = new Set(['0', '1', '2', 'custom']);

/**
 * Validates every GraphQL argument, input classes and plain scalars alike. Text that cannot be
 * stored (common/validation/invalid-text.ts) is refused first, named by its path within an input
 * object (`aliases[1]`) or by the argument's name (`query`). Unknown properties are refused rather than dropped, and the
 * error names the field and the problem (`email: must be an email`). `null` means "not given"
 * except for the fields a patch input may clear.
 */
class KennerValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (NOT_INPUT.has(String(metadata.type))) {
      return (await super.transform(value, metadata)) as unknown;
    }
    // Named as the other input errors are: inside an input object from its fields
    // (`aliases[1]`), a plain argument by its name (`query`, `ids[2]`).
    const inputObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    const invalid = invalidTextAt(value, inputObject ? '' : (metadata.data ?? ''));
    if (invalid) throw badInput(invalid.field, invalid.problem);
    refuseUnclearableNulls(value, metadata.metatype);
    const result = (await super.transform(value, metadata)) as unknown;
    dropNulls(result);
    return result;
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
