import { OmitType } from '@nestjs/mapped-types';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CreateTechnologyInput } from '../technologies/dto/technology.inputs.js';
import { list, slugify, text } from './row-validation.js';

/** The API's rules for a technique, with the parent named by slug or external id. */
export class TechnologyImportRow extends OmitType(CreateTechnologyInput, ['parentId']) {
  @IsOptional()
  @IsString()
  @MaxLength(300)
  parent?: string | null;
}

/**
 * Kenner's own shape, or a CHAMEO/CHMO record of the shared taxonomy (`id` such as
 * `chameo:XrayDiffraction` or `CHMO:0000156`, `same_as`, `wikidata` URLs). `claimedChmo` tells
 * which CHMO ids more than one record claims through `same_as`: those are left off rather than
 * given to one record arbitrarily.
 */
export function toTechnologyRow(
  data: Record<string, unknown>,
  claimedChmo: Map<string, number>,
): object {
  const id = text(data.id);
  const name = text(data.name);
  if (!id) {
    return {
      slug: text(data.slug) ?? (name ? slugify(name) : undefined),
      name,
      nameFr: text(data.nameFr) ?? null,
      nameDe: text(data.nameDe) ?? null,
      nameNl: text(data.nameNl) ?? null,
      acronyms: list(data.acronyms) ?? [],
      synonyms: list(data.synonyms) ?? [],
      description: text(data.description) ?? '',
      parent: text(data.parent) ?? null,
      chameoId: text(data.chameoId) ?? null,
      chmoId: text(data.chmoId) ?? null,
      wikidataId: text(data.wikidataId) ?? null,
    };
  }
  const sameAs = (list(data.same_as) ?? []).filter((s) => s.startsWith('CHMO:'));
  const ownChmo = id.startsWith('CHMO:') ? id : undefined;
  const borrowed =
    sameAs.length === 1 && claimedChmo.get(sameAs[0] as string) === 1 ? sameAs[0] : undefined;
  const wikidata = (list(data.wikidata) ?? [])[0]?.split('/').pop();
  return {
    slug: name ? slugify(name) : undefined,
    name,
    nameFr: null,
    nameDe: null,
    nameNl: null,
    acronyms: list(data.acronyms) ?? [],
    synonyms: list(data.synonyms) ?? [],
    description: text(data.description) ?? '',
    parent: text(data.parent) ?? null,
    chameoId: id.startsWith('chameo:') ? id : null,
    chmoId: ownChmo ?? borrowed ?? null,
    wikidataId: wikidata ?? null,
  };
}

/** How many records of the file claim each CHMO id, as their own id or through `same_as`. */
export function countChmoClaims(records: Record<string, unknown>[]): Map<string, number> {
  const claims = new Map<string, number>();
  for (const data of records) {
    const own = text(data.id);
    const ids = new Set([
      ...(own?.startsWith('CHMO:') ? [own] : []),
      ...(list(data.same_as) ?? []).filter((s) => s.startsWith('CHMO:')),
    ]);
    for (const chmo of ids) claims.set(chmo, (claims.get(chmo) ?? 0) + 1);
  }
  return claims;
}
