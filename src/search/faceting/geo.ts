import { Field, Float, InputType } from '@nestjs/graphql';
import { IsLatitude, IsLongitude, IsPositive, Max } from 'class-validator';

@InputType()
export class GeoRadiusInput {
  @Field(() => Float) @IsLatitude() lat!: number;
  @Field(() => Float) @IsLongitude() lng!: number;
  @Field(() => Float) @IsPositive() @Max(2000) radiusKm!: number;
}

export interface Position {
  lat: number;
  lng: number;
}

/** Great-circle distance in km, unrounded: what distance order compares. */
export function exactDistanceKm(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Great-circle distance in km, to one decimal: what results show. */
export const distanceKm = (a: Position, b: Position): number =>
  Math.round(exactDistanceKm(a, b) * 10) / 10;
