import { Field, Float, InputType } from '@nestjs/graphql';
import { IsLatitude, IsLongitude, IsPositive, Max } from 'class-validator';

@InputType()
export class GeoRadiusInput {
  @Field(() => Float) @IsLatitude() lat!: number;
  @Field(() => Float) @IsLongitude() lng!: number;
  @Field(() => Float) @IsPositive() @Max(2000) radiusKm!: number;
}

/** Great-circle distance in km, to one decimal. */
export function distanceKm(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
}
