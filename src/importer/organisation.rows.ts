import { OmitType } from '@nestjs/mapped-types';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import { CreateOrganisationInput } from '../organisations/dto/organisation.inputs.js';
import { OrganisationType } from '../organisations/organisation.entity.js';
import { list, number, text } from './row-validation.js';

/** The API's rules for an organisation, with clusters named by slug instead of id. */
export class OrganisationImportRow extends OmitType(CreateOrganisationInput, ['clusterIds']) {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  clusters?: string[];
}

const ROR_TYPES: Record<string, OrganisationType> = {
  company: OrganisationType.COMPANY,
  education: OrganisationType.UNIVERSITY,
  facility: OrganisationType.RESEARCH_INSTITUTE,
  nonprofit: OrganisationType.RESEARCH_INSTITUTE,
  government: OrganisationType.PUBLIC_BODY,
  funder: OrganisationType.PUBLIC_BODY,
};

/** Kenner's own shape, or a ROR registry record (`id` is a ror.org URL). */
export function toOrganisationRow(data: Record<string, unknown>): object {
  const id = text(data.id);
  if (id?.startsWith('https://ror.org/')) return fromRor(data, id);
  return {
    name: text(data.name),
    acronym: text(data.acronym) ?? null,
    aliases: list(data.aliases) ?? [],
    type: text(data.type),
    description: text(data.description) ?? '',
    website: text(data.website) ?? null,
    city: text(data.city) ?? null,
    region: text(data.region) ?? null,
    country: text(data.country),
    latitude: number(data.latitude) ?? null,
    longitude: number(data.longitude) ?? null,
    rorId: text(data.rorId) ?? null,
    clusters: list(data.clusters) ?? [],
  };
}

function fromRor(data: Record<string, unknown>, rorId: string): object {
  const name = text(data.name) ?? '';
  const labels = Array.isArray(data.labels) ? (data.labels as { value?: unknown }[]) : [];
  const aliases = [...(list(data.aliases) ?? []), ...labels.map((l) => text(l.value) ?? '')];
  const types = list(data.types) ?? [];
  return {
    name,
    acronym: list(data.acronyms)?.[0] ?? null,
    aliases: [...new Set(aliases.filter((a) => a && a !== name))].map((a) => a.slice(0, 300)),
    type: types.map((t) => ROR_TYPES[t]).find(Boolean) ?? OrganisationType.OTHER,
    description: '',
    website: text(data.website) ?? null,
    city: text(data.city) ?? null,
    region: text(data.region) ?? null,
    country: text(data.country_code),
    latitude: number(data.lat) ?? null,
    longitude: number(data.lng) ?? null,
    rorId,
    clusters: [],
  };
}
