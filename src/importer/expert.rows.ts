import { OmitType } from '@nestjs/mapped-types';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CreateExpertInput } from '../experts/dto/expert.inputs.js';
import { SkillLevel } from '../experts/expert-skill.entity.js';
import { list, number, text } from './row-validation.js';

export class SkillImportRow {
  @IsString() @MinLength(1) technology!: string;
  @IsEnum(SkillLevel, { message: 'must be one of BASIC, ADVANCED, EXPERT' }) level!: SkillLevel;
  @IsOptional() @IsInt() @Min(0) @Max(70) years?: number | null;
}

/** The API's rules for an expert, with organisation, techniques and vocabularies named. */
export class ExpertImportRow extends OmitType(CreateExpertInput, [
  'organisationId',
  'skills',
  'materialIds',
  'sectorIds',
]) {
  /** A ROR id URL or the organisation's exact name. */
  @IsString() @MinLength(1) organisation!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SkillImportRow)
  skills?: SkillImportRow[];

  @IsOptional() @IsArray() @IsString({ each: true }) materials?: string[];
  @IsOptional() @IsArray() @IsString({ each: true }) sectors?: string[];
}

/** JSON skills are objects; CSV skills are `technology:LEVEL:years` cells. */
function skills(value: unknown): object[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((skill: unknown) => {
    if (typeof skill === 'string') {
      const [technology, level, years] = skill.split(':').map((p) => p.trim());
      return { technology, level: level?.toUpperCase(), years: years ? number(years) : null };
    }
    const s = (skill ?? {}) as Record<string, unknown>;
    return {
      technology: text(s.technology),
      level: text(s.level)?.toUpperCase(),
      years: number(s.years) ?? null,
    };
  });
}

export function toExpertRow(data: Record<string, unknown>): object {
  return {
    name: text(data.name),
    email: text(data.email)?.trim(),
    organisation: text(data.organisation),
    jobTitle: text(data.jobTitle),
    bio: text(data.bio),
    languages: list(data.languages),
    skills: skills(data.skills),
    materials: list(data.materials),
    sectors: list(data.sectors),
    services: list(data.services)?.map((s) => s.toUpperCase()),
    visibility: text(data.visibility)?.toUpperCase(),
    phone: text(data.phone) ?? null,
    consentAt: text(data.consentAt) ?? null,
    lastVerifiedAt: text(data.lastVerifiedAt) ?? null,
  };
}
