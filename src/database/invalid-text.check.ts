import { isUtf8 } from 'node:buffer';
import type { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { invalidTextAt, textProblem } from '../common/validation/invalid-text.js';

export interface InvalidTextRow {
  table: string;
  /** The row's primary key (several columns joined by `/`). */
  id: string;
  /** The column, and inside a JSON list the entry: `aliases[1]`. */
  column: string;
  problem: string;
}

const TEXT_TYPES = new Set(['varchar', 'text', 'character varying', 'simple-json', 'simple-array']);

/**
 * Rows holding text no store can hold faithfully (common/validation/invalid-text.ts), written
 * before the edge refused it: by an older version, an import, or SQL by hand. Meilisearch refuses
 * every document and synonyms setting that embeds it, so each one found is a parked document.
 * On SQLite the column's bytes are read as stored (a lone surrogate is kept as invalid UTF-8);
 * JSON lists are decoded, where a `\ud83d` escape survives on PostgreSQL too.
 */
export async function findInvalidText(db: DataSource): Promise<InvalidTextRow[]> {
  const found: InvalidTextRow[] = [];
  for (const entity of db.entityMetadatas) {
    const columns = entity.columns.filter((c) => TEXT_TYPES.has(String(typeOf(c))));
    if (columns.length) found.push(...(await checkTable(db, entity, columns)));
  }
  return found;
}

async function checkTable(
  db: DataSource,
  entity: EntityMetadata,
  columns: ColumnMetadata[],
): Promise<InvalidTextRow[]> {
  const sqlite = db.options.type === 'better-sqlite3';
  const keys = entity.primaryColumns.map((c) => c.databaseName);
  const selected = columns.map((c, i) =>
    sqlite ? `CAST("${c.databaseName}" AS BLOB) AS c${i}` : `"${c.databaseName}" AS c${i}`,
  );
  const rows = await db.query<Record<string, unknown>[]>(
    `SELECT ${keys.map((k, i) => `"${k}" AS k${i}`).join(', ')}, ${selected.join(', ')} FROM "${entity.tableName}"`,
  );
  const out: InvalidTextRow[] = [];
  for (const row of rows) {
    const id = keys.map((_, i) => String(row[`k${i}`])).join('/');
    columns.forEach((column, i) => {
      const problem = cellProblem(row[`c${i}`], column);
      if (problem) out.push({ table: entity.tableName, id, ...problem });
    });
  }
  return out;
}

function cellProblem(
  value: unknown,
  column: ColumnMetadata,
): { column: string; problem: string } | null {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) && !isUtf8(value))
    return { column: column.propertyName, problem: 'is not valid UTF-8 (a lone surrogate?)' };
  const text = Buffer.isBuffer(value)
    ? value.toString('utf8')
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);
  const problem = textProblem(text);
  if (problem) return { column: column.propertyName, problem };
  if (typeOf(column) !== 'simple-json') return null;
  try {
    const invalid = invalidTextAt(JSON.parse(text) as unknown, column.propertyName);
    return invalid ? { column: invalid.field, problem: invalid.problem } : null;
  } catch {
    return { column: column.propertyName, problem: 'is not valid JSON' };
  }
}

const typeOf = (column: ColumnMetadata): unknown =>
  column.type === String ? 'varchar' : column.type;
