import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';

/**
 * A body people write to each other (a message, a forum post): plain text, not blank, at most
 * `max` characters (UTF-16 code units, as clients count them). Stored and returned as sent and
 * never rendered as HTML; invalid Unicode and NUL are refused by the validation pipe for every
 * string (invalid-text.ts).
 */
export const IsPlainTextBody = (max: number): PropertyDecorator =>
  applyDecorators(
    IsString(),
    Matches(/\S/, { message: 'must not be empty' }),
    MaxLength(max, { message: `must be at most ${max} characters` }),
  );
