import type { EntityManager } from 'typeorm';

/** Small helpers the projections share. */

/** Every name of a taxonomy entry, English first, then French, German, Dutch. */
export const namesOf = (e: {
  name: string;
  nameFr: string | null;
  nameDe: string | null;
  nameNl: string | null;
}): string[] => [e.name, e.nameFr, e.nameDe, e.nameNl].filter((n): n is string => Boolean(n));

export function group<T, K, V>(rows: T[], key: (row: T) => K, value: (row: T) => V): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(value(row));
    else map.set(k, [value(row)]);
  }
  return map;
}

export const unique = <T>(values: T[]): T[] => [...new Set(values)];

/** `$1, $2…` on PostgreSQL, `?, ?…` on SQLite. */
export function placeholders(em: EntityManager, n: number): string {
  const postgres = em.dataSource.options.type === 'postgres';
  return Array.from({ length: n }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
}
