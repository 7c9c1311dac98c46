import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { ensurePrivateFile } from '../common/files/private-files.js';
import type { Environment } from '../config/environment.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS as POSTGRES_MIGRATIONS } from './migrations/postgres/index.js';
import { MIGRATIONS as SQLITE_MIGRATIONS } from './migrations/sqlite/index.js';
import { QueryCounterLogger } from './query-counter.logger.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export const databaseKind = (env: Pick<Environment, 'DATABASE_URL'>): DatabaseKind =>
  env.DATABASE_URL ? 'postgres' : 'sqlite';

export interface DatabaseOverrides {
  /** PostgreSQL schema to work in (tests give each suite its own). */
  schema?: string;
  /** SQLite file; defaults to `DATA_DIR/kenner.sqlite`. */
  sqlitePath?: string;
}

/** The one definition of how Kenner connects, shared by the app, the CLI tools and the tests. */
export function buildDataSourceOptions(
  env: Pick<Environment, 'DATABASE_URL' | 'DATA_DIR' | 'LOG_SQL'>,
  overrides: DatabaseOverrides = {},
): DataSourceOptions {
  const kind = databaseKind(env);
  const common = {
    entities: ENTITIES,
    // One set per dialect (TypeORM generates SQL of one dialect). Listed as classes, not a glob,
    // so the same code loads them from dist/ and under jest.
    migrations: kind === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS,
    migrationsTableName: 'kenner_migrations',
    logger: new QueryCounterLogger(env.LOG_SQL),
    synchronize: false,
  };
  if (kind === 'postgres') {
    const schema = overrides.schema;
    return {
      ...common,
      type: 'postgres',
      url: env.DATABASE_URL,
      schema,
      // Unqualified names in migrations resolve to the chosen schema.
      extra: schema ? { options: `-c search_path=${schema}` } : {},
    };
  }
  const path = overrides.sqlitePath ?? join(env.DATA_DIR, 'kenner.sqlite');
  // Owner-only before SQLite opens it: its -wal and -shm files take the database file's mode.
  if (path !== ':memory:') for (const file of sqliteFiles(path)) ensurePrivateFile(file);
  return {
    ...common,
    type: 'better-sqlite3',
    database: path,
    // WAL lets readers go on while a write transaction is open; foreign keys are off by default.
    // secure_delete: deleted rows are overwritten with zeros, so an erasure leaves no copy in
    // free pages (the WAL is emptied by a checkpoint after it: see checkpointDatabase).
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma('secure_delete = ON');
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  };
}

export const queryCounter = (logger: unknown): QueryCounterLogger | undefined =>
  logger instanceof QueryCounterLogger ? logger : undefined;

/** The main file, then the WAL and shared-memory files beside it that exist already. */
export const sqliteFiles = (path: string): string[] => [
  path,
  ...[`${path}-wal`, `${path}-shm`].filter((file) => existsSync(file)),
];
