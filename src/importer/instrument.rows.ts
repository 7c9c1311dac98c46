import { OmitType } from '@nestjs/mapped-types';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CreateInstrumentInput } from '../instruments/dto/instrument.inputs.js';
import { text } from './row-validation.js';

/** The API's rules for an instrument, with its technique and organisation named. */
export class InstrumentImportRow extends OmitType(CreateInstrumentInput, [
  'technologyId',
  'organisationId',
]) {
  /** A technique's slug, or an acronym only one technique uses. */
  @IsString() @MinLength(1) @MaxLength(300) technology!: string;

  /** A ROR id URL or the organisation's exact name. */
  @IsString() @MinLength(1) @MaxLength(300) organisation!: string;
}

export function toInstrumentRow(data: Record<string, unknown>): object {
  return {
    name: text(data.name),
    model: text(data.model) ?? null,
    technology: text(data.technology),
    organisation: text(data.organisation),
    accessMode: text(data.accessMode)?.toUpperCase(),
    description: text(data.description) ?? '',
  };
}
