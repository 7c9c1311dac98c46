import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { countryName } from '../common/i18n/display-names.js';
import type { Language } from '../common/i18n/language.js';
import { foldText } from '../common/text/person-mentions.js';
import type { TownModel } from './models/town.model.js';
import { OrganisationEntity } from './organisation.entity.js';

interface TownRow {
  city: string;
  country: string;
  latitude: number | string;
  longitude: number | string;
  organisations: number | string;
}

/** 3 decimals: about 100 m, the centre of a town rather than the door of one organisation. */
const round = (degrees: number) => Math.round(degrees * 1000) / 1000;

/**
 * Towns for a "near" filter, from the organisations that have a city and a position. The
 * database groups the towns (one row per city and country); names are matched here, because
 * neither SQLite's `lower()` (ASCII only) nor PostgreSQL without `unaccent` folds accents, and
 * the towns of a directory are a few hundred rows at most.
 */
@Injectable()
export class TownsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(query: string, limit: number, language: Language): Promise<TownModel[]> {
    const rows = await this.db
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .select('o.city', 'city')
      .addSelect('o.country', 'country')
      .addSelect('AVG(o.latitude)', 'latitude')
      .addSelect('AVG(o.longitude)', 'longitude')
      .addSelect('COUNT(*)', 'organisations')
      .where('o.city IS NOT NULL')
      .andWhere('o.latitude IS NOT NULL')
      .andWhere('o.longitude IS NOT NULL')
      .groupBy('o.city')
      .addGroupBy('o.country')
      .getRawMany<TownRow>();
    const wanted = foldText(query);
    return rows
      .filter((row) => row.city.trim() !== '')
      .map((row) => ({ row, rank: matchRank(foldText(row.city), wanted) }))
      .filter((town): town is { row: TownRow; rank: number } => town.rank !== null)
      .map(({ row, rank }) => ({ rank, town: toTown(row, language) }))
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          b.town.organisationCount - a.town.organisationCount ||
          a.town.name.localeCompare(b.town.name),
      )
      .slice(0, limit)
      .map(({ town }) => town);
  }
}

/** 0: the name starts with the query, 1: one of its words does, 2: it holds it; null: no match. */
function matchRank(name: string, wanted: string): number | null {
  if (name.startsWith(wanted)) return 0;
  const at = name.indexOf(wanted);
  if (at < 0) return null;
  let from = at;
  while (from >= 0) {
    if (!/[\p{L}\p{N}]/u.test(name.charAt(from - 1))) return 1;
    from = name.indexOf(wanted, from + 1);
  }
  return 2;
}

function toTown(row: TownRow, language: Language): TownModel {
  return {
    name: row.city,
    country: row.country,
    countryName: countryName(row.country, language),
    latitude: round(Number(row.latitude)),
    longitude: round(Number(row.longitude)),
    organisationCount: Number(row.organisations),
  };
}
