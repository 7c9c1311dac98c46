/**
 * A filter value is data, never filter syntax: it is always quoted, with quotes and backslashes
 * escaped, so `steel" OR visibility = "STAFF` matches nothing instead of widening the search.
 */
export const quote = (value: string): string =>
  `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export const anyOf = (attribute: string, values: string[]): string =>
  `(${values.map((v) => `${attribute} = ${quote(v)}`).join(' OR ')})`;

/**
 * `attribute IN [...]`: one clause however many values (a radius search lists every organisation
 * within it). An empty list is a clause that matches nothing.
 */
export const inList = (attribute: string, values: string[]): string =>
  `${attribute} IN [${values.map(quote).join(', ')}]`;

export const geoRadius = (near: { lat: number; lng: number; radiusKm: number }): string =>
  `_geoRadius(${near.lat}, ${near.lng}, ${Math.round(near.radiusKm * 1000)})`;

export const geoPointAsc = (near: { lat: number; lng: number }): string =>
  `_geoPoint(${near.lat}, ${near.lng}):asc`;
