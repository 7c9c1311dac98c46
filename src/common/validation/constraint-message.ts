import type { ValidationError } from 'class-validator';

/**
 * class-validator reports every failed constraint of a property in an order that depends on how
 * the decorators were stacked. A type problem explains the others ("eighty" is also "greater
 * than 65535"), so it is the one shown.
 */
const TYPE_CONSTRAINTS = [
  'isDefined',
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isEnum',
  'isIn',
];

export function constraintMessage(error: ValidationError): string {
  const constraints = error.constraints ?? {};
  const key = TYPE_CONSTRAINTS.find((name) => name in constraints) ?? Object.keys(constraints)[0];
  const message = key ? (constraints[key] ?? 'is invalid') : 'is invalid';
  // Messages start with the property name; callers print their own, fuller path.
  return message.startsWith(`${error.property} `)
    ? message.slice(error.property.length + 1)
    : message;
}
