import { applyDecorators } from '@nestjs/common';
import { IsInt, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL-safe identifier: lower-case words joined by hyphens. */
export const IsSlug = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    MaxLength(100),
    Matches(SLUG_PATTERN, { message: 'must be lower-case letters, digits and single hyphens' }),
  );

/** A non-blank display name. */
export const IsName = (max = 200): PropertyDecorator =>
  applyDecorators(
    IsString(),
    Matches(/\S/, { message: 'must not be empty' }),
    MinLength(1, { message: 'must not be empty' }),
    MaxLength(max),
  );

/** A whole number in [min, max]; one message for both ends, as clients read it. */
export const IsIntBetween = (
  min: number,
  max: number,
  message = `must be between ${min} and ${max}`,
): PropertyDecorator => applyDecorators(IsInt(), Min(min, { message }), Max(max, { message }));
