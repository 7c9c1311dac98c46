import { Transform } from 'class-transformer';

/**
 * Surrounding white space removed before validation, so " " is as blank as "" and a name or
 * subject is stored as people mean it. Anything but a string passes through for the validators
 * to refuse.
 */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
