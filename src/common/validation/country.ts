import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsISO31661Alpha2 } from 'class-validator';

/** ISO 3166-1 alpha-2, accepted in any case and stored upper-case ("lu" → "LU"). */
export const IsCountryCode = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.trim().toUpperCase() : value,
    ),
    IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code such as LU' }),
  );
