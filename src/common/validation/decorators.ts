import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

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
