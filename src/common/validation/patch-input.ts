import type { Type } from '@nestjs/common';
import { PartialType } from '@nestjs/graphql';

/** The fields of T whose type admits `null`: those a patch may clear. */
type NullableKeys<T> = { [K in keyof T]-?: null extends T[K] ? K : never }[keyof T] & string;

const CLEARABLE = new WeakMap<object, ReadonlySet<string>>();

/**
 * The update input of `base`: every field optional. A field left out keeps its value; `null`
 * clears a field listed in `clearable` and is refused, naming the field, for any other (a name,
 * a list, a visibility cannot be "nothing"). `clearable` must list exactly the fields `base` types
 * as `| null` — the compiler checks it — so the create input's types are the one statement of
 * what may be cleared. The validation pipe (validation.pipe.ts) applies the rule.
 */
export function PatchInput<T>(base: Type<T>, clearable: Record<NullableKeys<T>, true>) {
  const patch = PartialType(base, { skipNullProperties: false });
  CLEARABLE.set(patch, new Set(Object.keys(clearable)));
  return patch;
}

/** For a patch input class (or a subclass of one): the fields `null` clears; else undefined. */
export function clearableFields(type: unknown): ReadonlySet<string> | undefined {
  for (let t = type; typeof t === 'function'; t = Object.getPrototypeOf(t)) {
    const fields = CLEARABLE.get(t);
    if (fields) return fields;
  }
  return undefined;
}
